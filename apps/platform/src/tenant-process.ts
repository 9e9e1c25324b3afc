import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { apiEnvironment, databaseUrlFor, provisionTenantDatabase } from '@vaccinate/tenant-provisioning';
import type { PlatformConfig } from './config/platform-config';
import type { LocalTenant } from './local-tenants';
import { tenantSecrets } from './local-secrets';

export interface RunningTenant {
  tenant: LocalTenant;
  adminEmail: string;
  oneTimePassword: string;
  stop(): Promise<void>;
}

/** Provisions the tenant as an operator would, migrates and seeds it, then starts its API process. */
export async function startTenant(
  config: PlatformConfig,
  adminUrl: string,
  tenant: LocalTenant,
  log: (line: string) => void,
): Promise<RunningTenant> {
  const slug = tenant.entry.slug;
  const secrets = await tenantSecrets(config.dataDir, slug);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let databaseUrl: string;
  try {
    const { database, role } = await provisionTenantDatabase(admin, slug, secrets.databasePassword);
    databaseUrl = databaseUrlFor(adminUrl, database, role, secrets.databasePassword);
  } finally {
    await admin.end();
  }
  const adminEmail = `admin@${slug}.example`;
  const environment = apiEnvironment({
    slug,
    publicUrl: `http://${slug}.localhost:${config.gatewayPort}`,
    databaseUrl,
    secrets,
    port: tenant.apiPort,
    initialAdminEmail: adminEmail,
  });
  const apiDir = join(config.root, 'apps', 'api');
  // The same steps the migration Job runs before each upgrade in Kubernetes.
  for (const command of ['migrate', 'bootstrap-admin', 'seed-demo']) {
    await runToCompletion(join(apiDir, 'dist', 'cli.js'), [command], environment, (line) => log(`[${slug}] ${line}`));
  }
  const child = spawn(process.execPath, [join(apiDir, 'dist', 'main.js')], {
    env: { PATH: process.env['PATH'] ?? '', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  forwardLines(child, (line) => log(`[${slug}] ${summarizeLogLine(line)}`));
  await waitUntilReady(`http://127.0.0.1:${tenant.apiPort}/api/health/ready`, child);
  return { tenant, adminEmail, oneTimePassword: secrets.initialAdminPassword, stop: () => stopChild(child) };
}

function runToCompletion(script: string, args: string[], env: Record<string, string>, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    forwardLines(child, log);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

function forwardLines(child: ChildProcess, log: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', log);
  }
}

/** The API logs JSON for machines; on a terminal one short line per event reads better. */
function summarizeLogLine(line: string): string {
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    if (entry['msg'] === 'request') {
      return `${String(entry['method'])} ${String(entry['route'])} ${String(entry['status'])} ${String(entry['durationMs'])}ms`;
    }
    return String(entry['msg'] ?? line);
  } catch {
    return line;
  }
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API was not ready within ${timeoutMs / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
