import { createServer, type Server } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PoolClient } from 'pg';
import { OutboxRepository } from '../../src/modules/outbox/outbox.repository';
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
