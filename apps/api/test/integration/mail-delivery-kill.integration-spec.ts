import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startMailCatcher, type MailCatcher } from '@vaccinate/mail-catcher';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { book, createCatalogue, createDay, inDays, person } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { freePort } from '../support/test-postgres';
import { eventually, rowsOf } from '../support/waiting-list-fixture';

const API_MAIN = join(__dirname, '..', '..', 'dist', 'main.js');
const MAILER_MAIN = join(__dirname, '..', '..', '..', 'mailer', 'dist', 'main.js');

interface Relayed {
  idempotencyKey: string | undefined;
  mailerStatus: number;
}

/**
 * Sits between the API worker and the mailer. While `killOnAnswer` is set, it passes a delivery on,
 * and once the mailer has accepted it kills the worker instead of answering: the mail is sent, the
 * job is not completed.
 */
async function startRelay(mailerUrl: string): Promise<{ url: string; server: Server; relayed: Relayed[]; control: { killOnAnswer: ChildProcess | null } }> {
  const relayed: Relayed[] = [];
  const control: { killOnAnswer: ChildProcess | null } = { killOnAnswer: null };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'authorization', 'idempotency-key', 'traceparent']) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      void fetch(`${mailerUrl}${request.url ?? '/'}`, { method: request.method ?? 'POST', headers, body: Buffer.concat(chunks) }).then(async (answer) => {
        const body = await answer.text();
        relayed.push({ idempotencyKey: headers['idempotency-key'], mailerStatus: answer.status });
        const victim = control.killOnAnswer;
        if (victim) {
          control.killOnAnswer = null;
          victim.kill('SIGKILL');
          response.destroy();
          return;
        }
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(body);
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, relayed, control };
}

async function spawnService(main: string, env: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [main], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: 'ignore' });
  await eventually(async () => (await fetch(readyUrl).catch(() => undefined))?.ok === true, 100);
  return child;
}

async function stopService(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

describe('killing the mail worker during a delivery', () => {
  let setup: RunningApi;
  let catcher: MailCatcher;
  let mailer: ChildProcess | undefined;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let workers: ChildProcess[] = [];
  let workerEnv: Record<string, string>;
  let apiPort: number;

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    // The setup API has no mailer: only the spawned worker delivers.
    setup = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'mail-kill'), { CAPTCHA_MAX_NUMBER: '100' });
    const mailerKey = randomBytes(24).toString('base64url');
    const mailerPort = await freePort();
    mailer = await spawnService(
      MAILER_MAIN,
      {
        PORT: String(mailerPort),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        MAIL_FROM: 'no-reply@vaccinate.example',
        SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`,
        MAILER_API_KEY: mailerKey,
      },
      `http://127.0.0.1:${mailerPort}/health/ready`,
    );
    relay = await startRelay(`http://127.0.0.1:${mailerPort}`);
    apiPort = await freePort();
    workerEnv = {
      ...setup.tenant.environment,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      MAILER_URL: relay.url,
      MAILER_API_KEY: mailerKey,
      // A job a killed worker held is retried two seconds later, not after the production minute.
      MAIL_JOB_TIMEOUT_SECONDS: '2',
      MAIL_RETRY_DELAY_SECONDS: '1',
    };
  });
  afterAll(async () => {
    for (const worker of workers) await stopService(worker);
    await stopService(mailer);
    await setup?.close();
    relay?.server.close();
    await catcher?.stop();
  });

  const startWorker = async (): Promise<ChildProcess> => {
    const worker = await spawnService(API_MAIN, workerEnv, `http://127.0.0.1:${apiPort}/api/health/live`);
    workers.push(worker);
    return worker;
  };
  const outbox = () => rowsOf<{ id: string; status: string; attempts: number }>(setup.tenant.databaseUrl, 'SELECT id, status, attempts FROM outbox_message ORDER BY id');

  it('delivers the mail exactly once after the worker is restarted', async () => {
    const worker = await startWorker();
    relay.control.killOnAnswer = worker;
    const exited = once(worker, 'exit');

    const doctor = await staffToken(setup, ['doctor']);
    const catalogue = await createCatalogue(setup, doctor);
    const day = await createDay(setup, doctor, { siteId: catalogue.site.id, date: inDays(7), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }] });
    const someone = person();
    expect((await book(setup, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: day.slots[0]?.id ?? '', person: someone })).status).toBe(201);

    await exited;
    // The mailer accepted and sent it; the worker died before it could complete the job.
    expect(relay.relayed).toEqual([{ idempotencyKey: expect.stringMatching(/^outbox-\d+$/), mailerStatus: 202 }]);
    await catcher.waitForMessage((message) => message.to.includes(someone.email));
    const [message] = await outbox();
    expect(message?.status).toBe('pending');
    const [job] = await rowsOf<{ state: string }>(setup.tenant.databaseUrl, `SELECT state FROM pgboss.job WHERE name = 'mail-delivery' AND data->>'outboxId' = $1`, [
      message?.id,
    ]);
    expect(job?.state).toBe('active');

    workers = workers.filter((running) => running !== worker);
    await startWorker();
    // The held job times out, is retried, and the mailer recognises its key.
    await eventually(async () => (await outbox())[0]?.status === 'sent', 100);

    expect(relay.relayed).toHaveLength(2);
    expect(relay.relayed[1]).toEqual({ idempotencyKey: relay.relayed[0]?.idempotencyKey, mailerStatus: 202 });
    expect(catcher.messages().filter((caught) => caught.to.includes(someone.email))).toHaveLength(1);
    expect((await outbox())[0]?.attempts).toBe(2);
  }, 120_000);
});
