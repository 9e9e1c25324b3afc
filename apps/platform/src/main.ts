import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServiceTracing } from '@vaccinate/http-edge';
import { leaveSignalsToCaller } from '@vaccinate/local-postgres';
import { loadPlatformConfig } from './config/platform-config';
import { startDatabaseServer, type DatabaseServer } from './database-server';
import { startMailServices, type MailServices } from './mail-services';
import { startSmsServices, type SmsServices } from './sms-services';
import { startCertificateService, type CertificateService } from './certificate-service';
import { directoryOf, loadLocalTenants } from './local-tenants';
import { startTenant, type RunningTenant } from './tenant-process';

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadPlatformConfig();
  const tracing = config.otlpEndpoint ? startServiceTracing({ otlpEndpoint: config.otlpEndpoint, serviceName: 'gateway' }) : null;
  // Required only now: the tracing instrumentations patch http and Fastify as they load.
  const { createGateway } = await import('./gateway.js');
  await mkdir(config.dataDir, { recursive: true });
  const tenants = await loadLocalTenants(config.tenantsFile, config.apiBasePort);
  const running: RunningTenant[] = [];
  let database: DatabaseServer | undefined;
  let mail: MailServices | undefined;
  let sms: SmsServices | undefined;
  let certificates: CertificateService | undefined;
  let stopping = false;
  const gateway = createGateway({
    directory: directoryOf(tenants),
    apiPorts: new Map(tenants.map((tenant) => [tenant.entry.slug, tenant.apiPort])),
    webRoot: join(config.root, 'apps', 'web', 'dist'),
    certificatesPort: config.certificatesPort,
  });

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('Stopping…');
    await gateway.close();
    await Promise.all(running.map((tenant) => tenant.stop()));
    await certificates?.stop();
    await sms?.stop();
    await mail?.stop();
    await database?.stop();
    // Last, and never in the way: a collector gone away must not leave the services above running.
    await tracing?.shutdown().catch(() => undefined);
    log('Stopped.');
    process.exit(code);
  };
  // The database is stopped last, by `stop`, after everything that uses it.
  leaveSignalsToCaller();
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    database = await startDatabaseServer(config);
    log(database.embedded ? `PostgreSQL (embedded) under ${join(config.dataDir, 'postgres')}` : 'PostgreSQL from DATABASE_URL');
    mail = await startMailServices(config, log);
    sms = await startSmsServices(config, tenants, log);
    for (const tenant of tenants) running.push(await startTenant(config, database.adminUrl, tenant, mail, log, sms.accounts.get(tenant.entry.slug)));
    certificates = await startCertificateService(config, tenants, log);
    await gateway.listen({ port: config.gatewayPort, host: '127.0.0.1' });
  } catch (error) {
    log(`Could not start: ${(error as Error).message}`);
    await stop(1);
    return;
  }
  printWelcome(running, config.gatewayPort, mail.catcherUrl, sms.catcherUrl, Date.now() - startedAt);
}

function printWelcome(running: RunningTenant[], port: number, mailCatcherUrl: string, smsCatcherUrl: string, elapsedMs: number): void {
  const lines = [
    '',
    `Ready in ${(elapsedMs / 1000).toFixed(1)} s. Open a company's vaccination center:`,
    ...running.map(
      (tenant) =>
        `  ${tenant.tenant.entry.displayName.padEnd(22)} http://${tenant.tenant.entry.slug}.localhost:${port}` +
        `   staff sign-in: ${tenant.adminEmail} / ${tenant.oneTimePassword} (one-time; you choose your own at first sign-in)` +
        `\n  ${''.padEnd(22)} demo doctor and assistant: doctor@${tenant.tenant.entry.slug}.example, assistant@${tenant.tenant.entry.slug}.example / ${tenant.demoStaffPassword}`,
    ),
    `  Waiting list           http://${running[0]?.tenant.entry.slug ?? 'acme'}.localhost:${port}/registration   (register, then follow the status page)`,
    `  Verify a certificate   http://${running[0]?.tenant.entry.slug ?? 'acme'}.localhost:${port}/verify`,
    `  API documentation      http://${running[0]?.tenant.entry.slug ?? 'acme'}.localhost:${port}/api/openapi.json`,
    `  Mail catcher           ${mailCatcherUrl}   (every mail the centers send, e.g. booking confirmations)`,
    `  SMS catcher            ${smsCatcherUrl}   (every text message, e.g. spare-dose offers to standby members with a phone number)`,
    '',
    'Ctrl-C stops everything. Data stays under .data/ for the next start.',
    '',
  ];
  log(lines.join('\n'));
}

void main();
