import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    gatewayPort: number;
    /** The first tenant's (acme's) API port, behind the gateway. */
    apiBasePort: number;
    mailCatcherUrl: string;
    /** The SMS catcher: acme sends through its Twilio fake, globex through its Vonage fake. */
    smsCatcherUrl: string;
    oneTimePasswords: Record<string, string>;
    /** Password of `doctor@<slug>.example` and `assistant@<slug>.example`, by tenant. */
    demoStaffPasswords: Record<string, string>;
    /** The embedded server's admin connection, for moving a test's vaccination day to now. */
    postgresAdminUrl: string;
  }
}

function listenOnce(port: number): Promise<number | null> {
  return new Promise((done) => {
    const server = createServer();
    server.on('error', () => done(null));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      server.close(() => done(address.port));
    });
  });
}

async function freePort(): Promise<number> {
  const port = await listenOnce(0);
  if (port === null) throw new Error('no free port on 127.0.0.1');
  return port;
}

/** A first port whose next `count - 1` ports are free too: the launcher gives tenant i the port base + i. */
async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = await freePort();
    let free = true;
    for (let offset = 1; offset < count && free; offset += 1) free = (await listenOnce(base + offset)) !== null;
    if (free) return base;
  }
  throw new Error(`no ${count} consecutive free ports on 127.0.0.1`);
}

/** Starts the built product exactly as `npm start` does, on free ports and a throw-away data folder. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = resolve(import.meta.dirname, '..', '..');
  const dataDir = await mkdtemp(join(tmpdir(), 'vaccinate-e2e-'));
  await chmod(dataDir, 0o755);
  const gatewayPort = await freePort();
  const mailCatcherPort = await freePort();
  const smsCatcherPort = await freePort();
  const postgresPort = await freePort();
  const tenantCount = (JSON.parse(await readFile(join(root, 'apps/platform/local-tenants.json'), 'utf8')) as { tenants: unknown[] }).tenants.length;
  const apiBasePort = await freePortRun(tenantCount);
  const child: ChildProcess = spawn(process.execPath, [join(root, 'apps/platform/dist/main.js')], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      GATEWAY_PORT: String(gatewayPort),
      API_BASE_PORT: String(apiBasePort),
      POSTGRES_PORT: String(postgresPort),
      SMTP_PORT: String(await freePort()),
      MAIL_CATCHER_PORT: String(mailCatcherPort),
      SMS_CATCHER_PORT: String(smsCatcherPort),
      MAILER_PORT: String(await freePort()),
      CERTIFICATES_PORT: String(await freePort()),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((ready, fail) => {
    // Generous: on a shared, loaded machine the second tenant can take minutes to migrate and seed.
    const timer = setTimeout(() => {
      child.kill('SIGINT'); // stops its database and services too, rather than leaving them running
      fail(new Error(`platform not ready:\n${output}`));
    }, 420_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready in')) {
        clearTimeout(timer);
        ready();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => fail(new Error(`platform exited with ${code}:\n${output}`)));
  });
  const oneTimePasswords: Record<string, string> = {};
  for (const slug of ['acme', 'globex']) {
    const secrets = JSON.parse(await readFile(join(dataDir, 'tenants', `${slug}.secrets.json`), 'utf8')) as {
      initialAdminPassword: string;
    };
    oneTimePasswords[slug] = secrets.initialAdminPassword;
  }
  project.provide('gatewayPort', gatewayPort);
  project.provide('apiBasePort', apiBasePort);
  project.provide('mailCatcherUrl', `http://127.0.0.1:${mailCatcherPort}/`);
  project.provide('smsCatcherUrl', `http://127.0.0.1:${smsCatcherPort}/`);
  project.provide('oneTimePasswords', oneTimePasswords);
  const demoStaffPasswords: Record<string, string> = {};
  for (const slug of ['acme', 'globex']) {
    demoStaffPasswords[slug] = (JSON.parse(await readFile(join(dataDir, 'tenants', `${slug}.demo-staff.json`), 'utf8')) as { password: string }).password;
  }
  project.provide('demoStaffPasswords', demoStaffPasswords);
  const adminPassword = (JSON.parse(await readFile(join(dataDir, 'postgres-admin.json'), 'utf8')) as { password: string }).password;
  project.provide('postgresAdminUrl', `postgres://postgres:${encodeURIComponent(adminPassword)}@127.0.0.1:${postgresPort}/postgres`);
  return async () => {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGINT');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
}
