import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoginResponse, StaffRole } from '@vaccinate/api-contracts';
import { apiEnvironment, databaseUrlFor, generateTenantSecrets, provisionTenantDatabase, type TenantSecrets } from '@vaccinate/tenant-provisioning';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap/create-app';
import { createLogger } from '../../src/common/logger';
import { loadApiConfig, type ApiConfig } from '../../src/config/api-config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { AuthService } from '../../src/modules/auth/auth.service';

export interface TestTenant {
  slug: string;
  databaseUrl: string;
  secrets: TenantSecrets;
  /** The environment the local launcher would give this tenant's API. */
  environment: Record<string, string>;
}

/** Provisions a fresh tenant database exactly as `npm start` and Terraform do, and migrates it. */
export async function provisionTestTenant(adminUrl: string, prefix: string, migrate = true): Promise<TestTenant> {
  const slug = `${prefix}-${randomBytes(4).toString('hex')}`;
  const secrets = await generateTenantSecrets({ slug });
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { database, role } = await provisionTenantDatabase(admin, slug, secrets.databasePassword);
    const databaseUrl = databaseUrlFor(adminUrl, database, role, secrets.databasePassword);
    if (migrate) await migrateDatabase(databaseUrl);
    const environment = apiEnvironment({
      slug,
      publicUrl: `http://${slug}.localhost:8080`,
      databaseUrl,
      secrets,
      port: 3000, // the fixture listens on a free port instead
      initialAdminEmail: `admin@${slug}.example`,
      logLevel: 'info',
    });
    return { slug, databaseUrl, secrets, environment };
  } finally {
    await admin.end();
  }
}

export async function migrateDatabase(databaseUrl: string): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions({ url: databaseUrl, poolMax: 2, ssl: 'disable' }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

export interface RunningApi {
  tenant: TestTenant;
  config: ApiConfig;
  app: NestFastifyApplication;
  baseUrl: string;
  /** Every log line the API wrote, as raw JSON text. */
  logs: string[];
  request(path: string, init?: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

/** Starts the tenant's API in this process on a free loopback port, with its log output captured. */
export async function startTestApi(tenant: TestTenant, overrides: Record<string, string | undefined> = {}): Promise<RunningApi> {
  const config = loadApiConfig({ ...tenant.environment, ...overrides });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = await createApp(config, createLogger(config.logLevel, sink));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    tenant,
    config,
    app,
    baseUrl,
    logs,
    request: (path, init = {}) =>
      fetch(`${baseUrl}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }),
    close: () => app.close(),
  };
}

/** Creates a staff account with `roles`, signs it in and changes its one-time password: a ready token. */
export async function staffToken(api: RunningApi, roles: StaffRole[]): Promise<string> {
  const email = `${roles.join('-')}-${randomBytes(3).toString('hex')}@staff.example`;
  const created = await api.app.get(AuthService).createStaff(email, `Test ${roles.join(' ')}`, roles);
  if (!created) throw new Error('staff account exists');
  const first = await postJson<LoginResponse>(api, '/api/auth/login', { email, password: created.oneTimePassword });
  const changed = await postJson<LoginResponse>(
    api,
    '/api/auth/password',
    { currentPassword: created.oneTimePassword, newPassword: 'correct horse battery staple' },
    first.accessToken,
  );
  return changed.accessToken;
}

export async function postJson<T>(api: RunningApi, path: string, body: unknown, token?: string): Promise<T> {
  const response = await api.request(path, { body, ...(token ? { token } : {}) });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Plain SQL against a tenant database, for checks the API deliberately does not offer. */
export async function rowsOf<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
