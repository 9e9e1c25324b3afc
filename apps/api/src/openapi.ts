import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { API_PREFIX, ROOT_ROUTES } from './bootstrap/create-app';
import { createLogger } from './common/logger';
import { loadApiConfig } from './config/api-config';
import { openApiDocument } from './modules/openapi/openapi-document';
import { undeclaredInDocument, type OpenApiPaths } from './modules/openapi/undeclared-payloads';

const COMMITTED = join(__dirname, '..', 'openapi.json');
const USAGE = 'Usage: node dist/openapi.js [--check]   write apps/api/openapi.json, or exit 1 when it differs from the routes and contracts';

/**
 * The document from the routes and contracts alone: the app is built in Nest's preview mode, so no
 * provider runs and no database is needed. The configuration is a throwaway one; nothing in the
 * document depends on it.
 */
export async function generateOpenApiDocument(): Promise<string> {
  return withPreviewApp((app) => `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
}

/** The application in Nest's preview mode (routes and metadata, no provider running), closed after `use`. */
export async function withPreviewApp<T>(use: (app: NestFastifyApplication) => T | Promise<T>): Promise<T> {
  // A development tool: tenant provisioning (a dev dependency) makes throwaway keys and a DSC.
  const { generateTenantSecrets } = await import('@vaccinate/tenant-provisioning');
  const secrets = await generateTenantSecrets({ slug: 'openapi' });
  const config = loadApiConfig({
    TENANT_SLUG: 'openapi',
    PUBLIC_URL: 'http://openapi.localhost',
    DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    FIELD_KEYS: `v1:${randomBytes(32).toString('base64')}`,
    FIELD_KEY_CURRENT: 'v1',
    ACCESS_TOKEN_KEYS: secrets.accessTokenKeys,
    ACCESS_TOKEN_KEY_CURRENT: secrets.accessTokenKeyCurrent,
    CERTIFICATE_SIGNING_KEYS: secrets.certificateSigningKeys,
    CERTIFICATE_SIGNING_KEY_CURRENT: secrets.certificateSigningKeyCurrent,
    CERTIFICATE_SIGNER_CERTIFICATES: secrets.certificateSignerCertificates,
    CERTIFICATE_CSCA: secrets.certificateCsca,
    CERTIFICATE_SECRET: randomBytes(32).toString('base64'),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config, createLogger('silent')), new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: ROOT_ROUTES });
  try {
    return await use(app);
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  if (process.argv.slice(2).some((argument) => argument !== '--check')) {
    console.error(USAGE);
    process.exit(2);
  }
  const fresh = await generateOpenApiDocument();
  const undeclared = undeclaredInDocument(JSON.parse(fresh) as OpenApiPaths);
  if (undeclared.length > 0) {
    console.error(`Every operation declares its payloads with contracts; these do not:\n${undeclared.join('\n')}`);
    process.exit(1);
  }
  if (!check) {
    await writeFile(COMMITTED, fresh);
    return;
  }
  const committed = await readFile(COMMITTED, 'utf8').catch(() => '');
  if (committed !== fresh) {
    console.error('apps/api/openapi.json differs from the routes and contracts: run `npm run openapi` and commit the result.');
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
