import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { edgeErrorHandlers } from '@vaccinate/http-edge';
import type { Logger } from 'pino';
import { AppModule } from '../app.module';
import { ProblemFilter } from '../common/problem/problem.filter';
import type { ApiConfig } from '../config/api-config';
import { ApiMetrics, attachMetrics } from '../metrics/api-metrics';
import { Sql } from '../database/sql';
import { SoldOutShortcut, registerSoldOutShortcut } from '../modules/booking/sold-out-shortcut';
import { AvailabilityFastPath, registerAvailabilityFastPath } from '../modules/booking/availability-fast-path';
import { OpenApiDocumentHolder } from '../modules/openapi/openapi.controller';
import { registerInputGuard } from './input-guard';
import { openApiDocument, tenantOpenApiDocument } from '../modules/openapi/openapi-document';
import { NestPinoLogger } from './nest-logger';
import { registerRequestHooks, requestIdFrom } from './request-hooks';

export const API_PREFIX = 'api';
/** Verifiers look for keys at the host's root, as the JWKS convention has it. */
export const ROOT_ROUTES = ['.well-known/jwks.json', '.well-known/crl/:file'];
const BODY_LIMIT_BYTES = 64 * 1024;
/** Routes that take a file: an employee roster of some 60,000 rows. */
const LARGE_BODY_ROUTES: Record<string, number> = { [`/${API_PREFIX}/people/import`]: 8 * 1024 * 1024 };

/** Builds the tenant's API, initialised but not listening: main.ts listens, tests inject or listen on port 0. */
export async function createApp(config: ApiConfig, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    logger: false,
    genReqId: (request: IncomingMessage) => requestIdFrom(request.headers['x-request-id']),
    ...edgeErrorHandlers(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config, logger), adapter, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
    // The API reads JSON only, through the input guard's parser.
    bodyParser: false,
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      const limit = LARGE_BODY_ROUTES[route.url];
      if (limit !== undefined) route.bodyLimit = limit;
    });
  registerRequestHooks(app.getHttpAdapter().getInstance(), logger);
  registerInputGuard(app.getHttpAdapter().getInstance());
  const metrics = config.metrics ? new ApiMetrics() : null;
  metrics?.registerRequestHook(app.getHttpAdapter().getInstance());
  let shortcut: SoldOutShortcut | null = null;
  registerSoldOutShortcut(app.getHttpAdapter().getInstance(), () => shortcut);
  let availability: AvailabilityFastPath | null = null;
  registerAvailabilityFastPath(app.getHttpAdapter().getInstance(), () => availability);
  app.setGlobalPrefix(API_PREFIX, { exclude: ROOT_ROUTES });
  app.useGlobalFilters(new ProblemFilter(logger));
  app.enableShutdownHooks();
  await app.init();
  shortcut = app.get(SoldOutShortcut);
  availability = app.get(AvailabilityFastPath);
  if (metrics) {
    const sql = app.get(Sql);
    metrics.watchDatabase(sql.connectionPool, (text, params) => sql.query(text, params));
    metrics.watchCertificateSigners(config.certificateKeys);
    attachMetrics(app, metrics);
  }
  app.get(OpenApiDocumentHolder).document = tenantOpenApiDocument(openApiDocument(app), config.tenantSlug, config.publicUrl);
  return app;
}
