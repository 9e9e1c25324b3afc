import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { startLocalPostgres, type LocalPostgres } from '@vaccinate/local-postgres';
import { apiEnvironment, databaseUrlFor, generateTenantSecrets, provisionTenantDatabase } from '@vaccinate/tenant-provisioning';
import { freePort, runNode, startNode } from './processes';

export interface BenchTenant {
  postgres: LocalPostgres;
  api: ChildProcess;
  baseUrl: string;
  databaseUrl: string;
  adminToken: string;
}

/** Provisions one tenant on a fresh embedded Postgres and starts its API as in production. */
export async function startBenchTenant(root: string): Promise<BenchTenant> {
  const parent = await mkdtemp(join(tmpdir(), 'vaccinate-bench-'));
  await chmod(parent, 0o755);
  const postgres = await startLocalPostgres({ dataDir: join(parent, 'data'), port: await freePort(), password: 'bench', persistent: false });
  const secrets = await generateTenantSecrets({ slug: 'bench' });
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  const { database, role } = await provisionTenantDatabase(admin, 'bench', secrets.databasePassword);
  await admin.end();
  const databaseUrl = databaseUrlFor(postgres.adminUrl, database, role, secrets.databasePassword);
  const port = await freePort();
  const env = {
    ...apiEnvironment({ slug: 'bench', publicUrl: 'http://bench.localhost:8080', databaseUrl, secrets, port, initialAdminEmail: 'admin@bench.example' }),
    // Request lines are not logged during the run unless BENCH_LOG_LEVEL=info asks what they cost.
    LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
    CAPTCHA_MAX_NUMBER: '100',
    DATABASE_POOL_MAX: process.env['BENCH_POOL_MAX'] ?? '20',
  };
  const cli = join(root, 'apps/api/dist/cli.js');
  await runNode(cli, ['migrate'], env);
  await runNode(cli, ['bootstrap-admin'], env);
  const baseUrl = `http://127.0.0.1:${port}`;
  // BENCH_LOG_ROUTE=forwarded passes the API's stdout through a second process, as a launcher reading it would.
  const route = process.env['BENCH_LOG_ROUTE'] === 'forwarded' ? 'forwarded' : 'ignore';
  const api = await startNode(join(root, 'apps/api/dist/main.js'), env, `${baseUrl}/api/health/ready`, route);
  const adminToken = await signIn(baseUrl, 'admin@bench.example', secrets.initialAdminPassword);
  return { postgres, api, baseUrl, databaseUrl, adminToken };
}

async function signIn(baseUrl: string, email: string, oneTimePassword: string): Promise<string> {
  const first = (await post(baseUrl, '/api/auth/login', { email, password: oneTimePassword })) as { accessToken: string };
  const changed = (await post(baseUrl, '/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'benchmark passphrase' }, first.accessToken)) as {
    accessToken: string;
  };
  return changed.accessToken;
}

export async function post(baseUrl: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

export function clientIp(n: number): string {
  // Distinct simulated visitors behind the ingress (TRUST_PROXY): each has its own rate-limit budget.
  return `198.18.${(n >> 8) & 255}.${n & 255}`;
}
