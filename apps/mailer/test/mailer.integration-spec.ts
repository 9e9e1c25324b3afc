import { createServer, type AddressInfo, type Server } from 'node:net';
import { startMailCatcher, type MailCatcher } from '@vaccinate/mail-catcher';
import type { MailerProblem } from '@vaccinate/mail-contracts';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MailerConfig } from '../src/config/mailer-config';
import { startMailer, type RunningMailer } from '../src/mailer';
import { httpRequest, postJson } from './support/http-client';
import { LogCapture } from './support/log-capture';
import { ICS_FILE, sendMailRequest } from './support/send-mail-request.fixture';

const API_KEY = 'test-mailer-key-0123456789';
const AUTH = { authorization: `Bearer ${API_KEY}` };

function mailerConfig(smtpPort: number): MailerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'info',
    provider: 'smtp',
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    from: { name: 'Vaccination center', address: 'no-reply@vaccinate.example' },
    mailjet: null,
    apiKey: API_KEY,
    tracing: null,
  };
}

describe('mailer over SMTP into a real mail catcher', () => {
  let catcher: MailCatcher;
  let mailer: RunningMailer;
  let logs: LogCapture;

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    logs = new LogCapture();
    mailer = await startMailer(mailerConfig(catcher.smtpPort), { logDestination: logs });
  });
  afterAll(async () => {
    await mailer?.stop();
    await catcher?.stop();
  });
  beforeEach(() => catcher.clear());

  it('delivers a German booking confirmation with the QR code inline and the calendar file attached', async () => {
    const answer = await postJson(`${mailer.url}/v1/messages`, sendMailRequest(), AUTH);
    expect(answer.status).toBe(202);
    const { messageId } = answer.json() as { messageId: string };
    expect(messageId).toMatch(/^<.+@.+>$/);

    const mail = await catcher.waitForMessage((message) => message.messageId === messageId);
    expect(mail.subject).toBe('Buchungsbestätigung: Comirnaty, Buchung K7M-4Q2X');
    expect(mail.from).toBe('"Acme Chemie GmbH" <no-reply@vaccinate.example>');
    expect(mail.to).toEqual(['erika.mustermann@acme.example']);
    expect(mail.text).toContain('Buchungscode: K7M-4Q2X');
    expect(mail.text).toContain('Dienstag, 3. März 2026, 09:00–09:15 Uhr');
    expect(mail.text).toContain('Dienstag, 31. März 2026, 10:30–10:45 Uhr');
    expect(mail.html).toContain('K7M-4Q2X');
    expect(mail.html).toMatch(/<html[^>]* lang="de"/);
    expect(mail.html).toContain('background:#0a5c8a');
    expect(mail.html).toContain('href="https://acme.vaccinate.example/booking/manage#m4n4g3-t0k3n"');

    const qr = mail.attachments.find((attachment) => attachment.contentType === 'image/png');
    expect(qr).toMatchObject({ inline: true, contentId: 'check-in-qr' });
    expect(mail.html).toMatch(/<img[^>]*alt="QR-Code für den Check-in mit dem Buchungscode K7M-4Q2X"/);
    expect(mail.html).toContain('src="cid:check-in-qr"');
    const png = PNG.sync.read(qr!.content);
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe('K7M-4Q2X');

    const ics = mail.attachments.find((attachment) => attachment.filename === 'impftermine.ics');
    expect(ics).toMatchObject({ contentType: 'text/calendar', inline: false });
    expect(ics?.content.toString('utf8')).toBe(ICS_FILE);
  });

  it('sends a message once per tenant and idempotency key, answering a repeat as the first time', async () => {
    const key = { ...AUTH, 'idempotency-key': 'outbox-42' };
    const first = await postJson(`${mailer.url}/v1/messages`, sendMailRequest(), key);
    const again = await postJson(`${mailer.url}/v1/messages`, sendMailRequest(), key);
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.json()).toEqual(first.json());
    const otherTenant = sendMailRequest();
    otherTenant.tenant.publicUrl = 'https://other.vaccinate.example';
    expect((await postJson(`${mailer.url}/v1/messages`, otherTenant, key)).status).toBe(202);
    const firstId = (first.json() as { messageId: string }).messageId;
    await catcher.waitForMessage((message) => message.messageId !== firstId);
    // The Message-ID follows from tenant and key, so a copy sent twice would still read as one message.
    const ids = catcher.messages().map((message) => message.messageId ?? '');
    expect(ids).toHaveLength(2);
    expect(ids).toContain(firstId);
    expect(ids.every((id) => /^<[0-9a-f]{40}@vaccinate\.example>$/.test(id))).toBe(true);
    expect(logs.entries().some((entry) => entry['outcome'] === 'already sent')).toBe(true);
  });

  it('writes English subjects for English recipients', async () => {
    const answer = await postJson(`${mailer.url}/v1/messages`, sendMailRequest({ template: 'booking-changed', locale: 'en' }), AUTH);
    expect(answer.status).toBe(202);
    const mail = await catcher.waitForMessage(() => true);
    expect(mail.subject).toBe('Your booking has changed: Comirnaty, booking K7M-4Q2X');
    expect(mail.html).toMatch(/<html[^>]* lang="en"/);
  });

  it('logs template, locale, outcome and duration, never the recipient', async () => {
    await postJson(`${mailer.url}/v1/messages`, sendMailRequest({ template: 'appointment-reminder' }), AUTH);
    const sent = logs.entries().find((entry) => entry['msg'] === 'message sent' && entry['template'] === 'appointment-reminder');
    expect(sent).toMatchObject({ locale: 'de', outcome: 'sent', status: 202, provider: 'smtp' });
    expect(typeof sent?.['durationMs']).toBe('number');
    for (const personal of ['erika', 'Mustermann', 'Erika', 'm4n4g3-t0k3n']) expect(logs.text()).not.toContain(personal);
  });

  it('answers 400 problem+json naming the bad fields without repeating personal values', async () => {
    const request = sendMailRequest({ template: 'newsletter' as never, locale: 'fr' as never });
    request.to = { email: 'erika.mustermann@', name: 'Erika Mustermann' };
    request.tenant.branding.primaryColor = 'blue';
    request.data.appointments[0]!.status = 'maybe' as never;
    const answer = await postJson(`${mailer.url}/v1/messages`, request, AUTH);
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    const problem = answer.json() as MailerProblem;
    expect(problem).toMatchObject({ status: 400, code: 'mail.invalid_request', requestId: expect.any(String) });
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(
      ['data.appointments.0.status', 'locale', 'template', 'tenant.branding.primaryColor', 'to.email'].sort(),
    );
    for (const personal of ['erika', 'Mustermann', 'newsletter', 'maybe', 'blue']) expect(answer.text).not.toContain(personal);
    expect(logs.text()).not.toContain('erika.mustermann');
    expect(catcher.messages()).toEqual([]);
  });

  it('answers 400 for a body that is not JSON and 415 for another media type', async () => {
    const broken = await httpRequest(`${mailer.url}/v1/messages`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: '{"to":' });
    expect(broken.status).toBe(400);
    expect((broken.json() as MailerProblem).errors).toEqual([{ field: '(body)', message: 'must be valid JSON' }]);
    const text = await httpRequest(`${mailer.url}/v1/messages`, { method: 'POST', headers: { ...AUTH, 'content-type': 'text/plain' }, body: 'hello' });
    expect(text.status).toBe(415);
  });

  it('answers 401 without the API key or with a wrong one, before reading the message', async () => {
    const missing = await postJson(`${mailer.url}/v1/messages`, sendMailRequest());
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="mailer"');
    expect((missing.json() as MailerProblem).code).toBe('mail.unauthorized');
    const wrong = await postJson(`${mailer.url}/v1/messages`, sendMailRequest(), { authorization: 'Bearer not-the-mailer-key-000' });
    expect(wrong.status).toBe(401);
    expect(catcher.messages()).toEqual([]);
  });

  it('answers health probes without a key and 404 elsewhere', async () => {
    expect((await httpRequest(`${mailer.url}/health/live`)).status).toBe(200);
    expect((await httpRequest(`${mailer.url}/health/ready`)).json()).toEqual({ status: 'ok' });
    const unknown = await httpRequest(`${mailer.url}/v1/nothing`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toBe('application/problem+json');
  });

  it('echoes a caller request id for the outbox to correlate', async () => {
    const answer = await postJson(`${mailer.url}/v1/messages`, {}, { ...AUTH, 'x-request-id': 'outbox-42' });
    expect(answer.headers['x-request-id']).toBe('outbox-42');
    expect((answer.json() as MailerProblem).requestId).toBe('outbox-42');
  });
});

describe('mailer with its SMTP server down', () => {
  let mailer: RunningMailer;
  const logs = new LogCapture();

  beforeAll(async () => {
    mailer = await startMailer(mailerConfig(await closedPort()), { logDestination: logs });
  });
  afterAll(async () => {
    await mailer?.stop();
  });

  it('answers 502 so the outbox retries, and logs the provider code only', async () => {
    const answer = await postJson(`${mailer.url}/v1/messages`, sendMailRequest(), AUTH);
    expect(answer.status).toBe(502);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    const problem = answer.json() as MailerProblem;
    expect(problem).toMatchObject({ status: 502, code: 'mail.provider_unavailable' });
    expect(answer.text).not.toContain('erika');
    const failed = logs.entries().find((entry) => entry['msg'] === 'message not sent');
    expect(failed).toMatchObject({ template: 'booking-confirmation', status: 502, providerDetail: expect.stringMatching(/^smtp E[A-Z]+$/) });
    expect(logs.text()).not.toContain('erika');
  });
});

describe('mailer whose SMTP server refuses the recipient', () => {
  let mailer: RunningMailer;
  let smtp: Server;

  beforeAll(async () => {
    smtp = await refusingSmtpServer();
    mailer = await startMailer(mailerConfig((smtp.address() as AddressInfo).port), { logDestination: new LogCapture() });
  });
  afterAll(async () => {
    await mailer?.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('answers 502 provider_rejected, which the outbox need not retry', async () => {
    const answer = await postJson(`${mailer.url}/v1/messages`, sendMailRequest(), AUTH);
    expect(answer.status).toBe(502);
    expect(answer.json()).toMatchObject({ code: 'mail.provider_rejected' });
    expect(answer.text).not.toContain('erika');
  });
});

/** Just enough SMTP to reach RCPT TO and refuse it permanently (550). */
async function refusingSmtpServer(): Promise<Server> {
  const server = createServer((socket) => {
    socket.write('220 refusing.test ESMTP\r\n');
    socket.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\r\n').filter(Boolean)) {
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 refusing.test\r\n');
        else if (verb === 'MAIL' || verb === 'RSET' || verb === 'NOOP') socket.write('250 OK\r\n');
        else if (verb === 'RCPT') socket.write('550 5.1.1 No such mailbox\r\n');
        else if (verb === 'QUIT') socket.end('221 Bye\r\n');
        else socket.write('502 Not implemented\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** A port nothing listens on: bound, read and released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
