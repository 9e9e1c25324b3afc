import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppModule } from '../app.module';
import { ProblemFilter } from '../common/problem/problem.filter';
import { createValidationPipe } from '../common/problem/validation.pipe';
import type { ApiConfig } from '../config/api-config';
import { SoldOutShortcut, registerSoldOutShortcut } from '../modules/booking/sold-out-shortcut';
import { OpenApiDocumentHolder } from '../modules/openapi/openapi.controller';
import { openApiDocument, tenantOpenApiDocument } from '../modules/openapi/openapi-document';
import { NestPinoLogger } from './nest-logger';
import { registerRequestHooks, requestIdFrom } from './request-hooks';

export const API_PREFIX = 'api';
/** Verifiers look for keys at the host's root, as the JWKS convention has it. */
export const ROOT_ROUTES = ['.well-known/jwks.json', '.well-known/crl/:file'];
const BODY_LIMIT_BYTES = 64 * 1024;

/** Builds the tenant's API, initialised but not listening: main.ts listens, tests inject or listen on port 0. */
export async function createApp(config: ApiConfig, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    logger: false,
    genReqId: (request: IncomingMessage) => requestIdFrom(request.headers['x-request-id']),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config, logger), adapter, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
  });
  registerRequestHooks(app.getHttpAdapter().getInstance(), logger);
  let shortcut: SoldOutShortcut | null = null;
  registerSoldOutShortcut(app.getHttpAdapter().getInstance(), () => shortcut);
  app.setGlobalPrefix(API_PREFIX, { exclude: ROOT_ROUTES });
  app.useGlobalFilters(new ProblemFilter(logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  await app.init();
  shortcut = app.get(SoldOutShortcut);
  app.get(OpenApiDocumentHolder).document = tenantOpenApiDocument(openApiDocument(app), config.tenantSlug, config.publicUrl);
  return app;
}
