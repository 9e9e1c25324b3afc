import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { apiEnvironment, databaseUrlFor, provisionTenantDatabase, type ApiEnvironmentInput } from '@vaccinate/tenant-provisioning';
import { tracingEnvironment, type PlatformConfig } from './config/platform-config';
import type { LocalTenant } from './local-tenants';
import { forwardLines, runToCompletion, stopChild, summarizeLogLine, waitUntilReady } from './child-process';
import { demoStaffPassword, tenantSecrets } from './local-secrets';

export interface RunningTenant {
  tenant: LocalTenant;
  adminEmail: string;
  oneTimePassword: string;
  /** `doctor@` and `assistant@<slug>.example` sign in with it: the local demo only. */
  demoStaffPassword: string;
  stop(): Promise<void>;
}

/** Provisions the tenant as an operator would, migrates and seeds it, then starts its API process. */
export async function startTenant(
  config: PlatformConfig,
  adminUrl: string,
  tenant: LocalTenant,
  mail: { mailerUrl: string; mailerApiKey: string },
  log: (line: string) => void,
  /** Its account at the SMS catcher's fake of its provider; without it the API only logs that a text would go out. */
  sms?: ApiEnvironmentInput['sms'],
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
  const environment = {
    ...apiEnvironment({
      slug,
      publicUrl: `http://${slug}.localhost:${config.gatewayPort}`,
      databaseUrl,
      secrets,
      port: tenant.apiPort,
      initialAdminEmail: adminEmail,
      logLevel: config.apiLogLevel,
      allocator: true,
      schedulingLinks: true,
      holidayRegion: tenant.holidayRegion,
      display: {
        name: tenant.entry.displayName,
        primaryColor: tenant.entry.branding.primaryColor,
        accentColor: tenant.entry.branding.accentColor,
        defaultLocale: tenant.entry.defaultLocale,
      },
      mailerUrl: mail.mailerUrl,
      ...(sms ? { sms } : {}),
    }),
    MAILER_API_KEY: mail.mailerApiKey,
    ...tracingEnvironment(config),
  };
  const apiDir = join(config.root, 'apps', 'api');
  // The same steps the migration Job runs before each upgrade in Kubernetes.
  for (const command of ['migrate', 'bootstrap-admin', 'seed-demo']) {
    await runToCompletion(join(apiDir, 'dist', 'cli.js'), [command], environment, (line) => log(`[${slug}] ${line}`));
  }
  // Local only: a doctor and an assistant to try the vaccination day with (a cluster's migration Job never runs this).
  const demoPassword = await demoStaffPassword(config.dataDir, slug);
  await runToCompletion(join(apiDir, 'dist', 'cli.js'), ['seed-demo-staff'], { ...environment, DEMO_STAFF_PASSWORD: demoPassword }, (line) => log(`[${slug}] ${line}`));
  // The API writes its log lines (one per request at info) to the launcher's own stdout: passing each
  // through this process cost the API about a third of its requests per second. Its stderr stays short.
  const child = spawn(process.execPath, [join(apiDir, 'dist', 'main.js')], {
    env: { PATH: process.env['PATH'] ?? '', ...environment },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  forwardLines(child, (line) => log(`[${slug}] ${summarizeLogLine(line)}`));
  await waitUntilReady(`http://127.0.0.1:${tenant.apiPort}/api/health/ready`, child);
  return { tenant, adminEmail, oneTimePassword: secrets.initialAdminPassword, demoStaffPassword: demoPassword, stop: () => stopChild(child) };
}
