import { createServer, type Server } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PoolClient } from 'pg';
import { Sql } from '../../src/database/sql';
import { OutboxRepository, type OutboxPayload } from '../../src/modules/outbox/outbox.repository';
import { OutboxWorker } from '../../src/modules/outbox/outbox.worker';
import { book, createCatalogue, createDay, inDays, person } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

/** A mailer stand-in on loopback that records what it is sent and answers with a chosen status. */
async function startFakeMailer(): Promise<{ url: string; server: Server; received: Record<string, unknown>[]; answer: { status: number } }> {
  const received: Record<string, unknown>[] = [];
  const answer = { status: 202 };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ path: request.url, auth: request.headers.authorization, ...(JSON.parse(body) as object) });
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end('{"messageId":"m1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server, received, answer };
}

describe('mail outbox', () => {
  let api: RunningApi;
  let mailer: Awaited<ReturnType<typeof startFakeMailer>>;
  let admin: string;

  beforeAll(async () => {
    mailer = await startFakeMailer();
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'outbox'), {
      CAPTCHA_MAX_NUMBER: '200',
      MAILER_URL: mailer.url,
      MAILER_API_KEY: 'mailer-secret',
      TENANT_DISPLAY_NAME: 'ACME Corporation',
      BRAND_PRIMARY_COLOR: '#123456',
    });
    admin = await staffToken(api, ['admin']);
  });
  afterAll(async () => {
    await api?.close();
    mailer?.server.close();
  });

  async function statusOf(): Promise<string[]> {
    const client = new pg.Client({ connectionString: api.tenant.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ status: string }>('SELECT status FROM outbox_message ORDER BY id');
    await client.end();
    return rows.map((row) => row.status);
  }

  it('delivers the booking confirmation with the tenant branding, the .ics, and the person as recipient', async () => {
    const catalogue = await createCatalogue(api, admin);
    const day = await createDay(api, admin, { siteId: catalogue.site.id, date: inDays(9), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }] });
    const someone = person();
    expect((await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: day.slots[0]?.id ?? '', person: someone, locale: 'de' })).status).toBe(201);
    await api.app.get(OutboxWorker).drain();
    expect(mailer.received).toHaveLength(1);
    const message = mailer.received[0] as {
      path: string;
      auth: string;
      template: string;
      locale: string;
      to: { email: string };
      tenant: { displayName: string; branding: { primaryColor: string } };
      data: { bookingCode: string; manageUrl: string };
      attachments: { filename: string; contentBase64: string }[];
    };
    expect(message).toMatchObject({ path: '/v1/messages', auth: 'Bearer mailer-secret', template: 'booking-confirmation', locale: 'de' });
    expect(message.to.email).toBe(someone.email);
    expect(message.tenant).toMatchObject({ displayName: 'ACME Corporation', branding: { primaryColor: '#123456' } });
    expect(message.data.manageUrl).toMatch(/\/booking\/manage#[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(message.attachments[0]?.contentBase64 ?? '', 'base64').toString()).toContain('BEGIN:VEVENT');
    expect(await statusOf()).toEqual(['sent']);
  });

  it('retries after a mailer failure, gives up on a refusal, and replays a dead letter on request', async () => {
    const catalogue = await createCatalogue(api, admin);
    const day = await createDay(api, admin, { siteId: catalogue.site.id, date: inDays(8), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }] });
    mailer.answer.status = 503;
    await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: day.slots[0]?.id ?? '', person: person() });
    await api.app.get(OutboxWorker).drain();
    expect((await statusOf()).at(-1)).toBe('pending'); // retried later, not lost

    mailer.answer.status = 400;
    await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: day.slots[1]?.id ?? '', person: person() });
    await api.app.get(OutboxWorker).drain();
    expect((await statusOf()).at(-1)).toBe('dead');

    const dead = (await (await api.request('/api/outbox/dead-letters', { token: admin })).json()) as { id: string; lastError: string }[];
    expect(dead).toHaveLength(1);
    expect(dead[0]?.lastError).toBe('refused: mailer answered 400');
    expect(JSON.stringify(dead)).not.toContain('@');
    mailer.answer.status = 202;
    expect((await api.request(`/api/outbox/dead-letters/${dead[0]?.id}/replay`, { method: 'POST', token: admin })).status).toBe(204);
    await api.app.get(OutboxWorker).drain();
    expect((await statusOf()).at(-1)).toBe('sent');
  });

  it('queues a mail and its delivery job with the transaction that made them: a rolled-back change sends nothing', async () => {
    const rows = async () => {
      const client = new pg.Client({ connectionString: api.tenant.databaseUrl });
      await client.connect();
      try {
        const mails = await client.query<{ id: string; payload_encrypted: string }>('SELECT id, payload_encrypted FROM outbox_message ORDER BY id');
        const jobs = await client.query<{ data: { outboxId: string; traceParent: string | null } }>(
          `SELECT data FROM pgboss.job WHERE name = 'mail-delivery' ORDER BY created_on`,
        );
        return { mails: mails.rows, jobs: jobs.rows.map((row) => row.data) };
      } finally {
        await client.end();
      }
    };
    const before = await rows();
    // A mail of a committed booking, as the booking wrote it: its delivery job names it and carries no content.
    expect([...new Set(before.jobs.map((job) => job.outboxId))].sort()).toEqual(before.mails.map((mail) => String(mail.id)).sort());
    expect(JSON.stringify(before.jobs)).not.toContain('@');
    const payload = JSON.parse(api.config.fieldKeys.decrypt(before.mails[0]?.payload_encrypted ?? '', 'outbox.payload')) as OutboxPayload;

    const outbox = api.app.get(OutboxRepository);
    const failedBooking = api.app.get(Sql).transaction(async (client) => {
      await outbox.enqueue(client, payload);
      throw new Error('the booking failed after queueing its mail');
    });
    await expect(failedBooking).rejects.toThrow('the booking failed after queueing its mail');
    expect(await rows()).toEqual(before);

    await api.app.get(Sql).transaction((client) => outbox.enqueue(client, payload));
    const after = await rows();
    expect(after.mails).toHaveLength(before.mails.length + 1);
    expect(after.jobs.at(-1)?.outboxId).toBe(String(after.mails.at(-1)?.id));
  });

  it('refuses to enqueue a mail the mailer would refuse: the change fails with the fields named, and nothing is written', async () => {
    const before = (await statusOf()).length;
    const client = new pg.Client({ connectionString: api.tenant.databaseUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      const enqueued = api.app.get(OutboxRepository).enqueue(client as unknown as PoolClient, {
        template: 'booking-confirmation',
        locale: 'de',
        to: { email: 'not-an-address', name: 'Ada' },
        data: { bookingCode: 'B-1234', productName: 'Jcovden', appointments: [], manageUrl: 'javascript:alert(1)' },
      });
      await expect(enqueued).rejects.toMatchObject({
        code: 'mail.invalid',
        status: 422,
        errors: expect.arrayContaining([
          expect.objectContaining({ field: 'mail.to.email' }),
          expect.objectContaining({ field: 'mail.data.appointments' }),
          expect.objectContaining({ field: 'mail.data.manageUrl' }),
        ]),
      });
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    expect((await statusOf()).length).toBe(before);
  });
});
