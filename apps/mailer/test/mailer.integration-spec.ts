import { createServer, type AddressInfo, type Server } from 'node:net';
import { startMailCatcher, type MailCatcher } from '@vaccinate/mail-catcher';
import type { MailerProblem } from '@vaccinate/mail-contracts';
import { MAX_BODY_BYTES } from '../src/http/mailer-http.server';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MailerConfig } from '../src/config/mailer-config';
import { startMailer, type RunningMailer } from '../src/mailer';
import { httpRequest, postJson, type HttpAnswer } from './support/http-client';
import { LogCapture } from './support/log-capture';
import { ICS_FILE, sendMailRequest } from './support/send-mail-request.fixture';

const API_KEY = 'test-mailer-key-0123456789';
const AUTH = { authorization: `Bearer ${API_KEY}` };

function mailerConfig(smtpPort: number, rateLimitPerMinute = 1200): MailerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'info',
    provider: 'smtp',
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    from: { name: 'Vaccination center', address: 'no-reply@vaccinate.example' },
    mailjet: null,
    apiKey: API_KEY,
    rateLimitPerMinute,
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

describe("the mailer's edge: every refusal is problem+json, and nothing is sent", () => {
  let catcher: MailCatcher;
  let mailer: RunningMailer;
  let logs: LogCapture;
  const messages = () => `${mailer.url}/v1/messages`;

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    logs = new LogCapture();
    mailer = await startMailer(mailerConfig(catcher.smtpPort), { logDestination: logs });
  });
  afterAll(async () => {
    expect(catcher.messages()).toEqual([]);
    await mailer?.stop();
    await catcher?.stop();
  });

  function expectProblem(answer: HttpAnswer, status: number, code: string): MailerProblem {
    expect({ status: answer.status, type: answer.headers['content-type'] }, answer.text).toEqual({ status, type: 'application/problem+json' });
    const problem = answer.json() as MailerProblem;
    expect(problem).toMatchObject({ status, code, requestId: expect.any(String), title: expect.any(String) });
    expect(answer.headers['x-request-id']).toBe(problem.requestId);
    expect(answer.headers['cache-control']).toBe('no-store');
    return problem;
  }

  it('answers a body that is not JSON with 400 naming the body', async () => {
    for (const body of ['{"to":', '', 'null x', '{"__proto__":{"polluted":true}}']) {
      const answer = await httpRequest(messages(), { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body });
      const problem = expectProblem(answer, 400, 'mail.invalid_request');
      expect(problem.errors?.[0]?.field, body).toBe('(body)');
    }
  });

  it('refuses JSON nested thousands of levels deep before parsing it', async () => {
    const deep = `{"template":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const answer = await httpRequest(messages(), { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: deep });
    expect(expectProblem(answer, 400, 'mail.invalid_request').errors).toEqual([{ field: '(body)', message: 'must not nest deeper than 32 levels' }]);
  });

  it('answers a body over 10 MB with 413, whether its length is announced or not', async () => {
    const body = Buffer.alloc(MAX_BODY_BYTES + 1, 'a');
    for (const chunked of [false, true]) {
      const answer = await httpRequest(messages(), { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body, chunked });
      expectProblem(answer, 413, 'mail.payload_too_large');
    }
  });

  it('answers another media type, or none, with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const headers: Record<string, string> = { ...AUTH, ...(type ? { 'content-type': type } : {}) };
      const answer = await httpRequest(messages(), { method: 'POST', headers, body: JSON.stringify(sendMailRequest()) });
      expectProblem(answer, 415, 'mail.unsupported_media_type');
    }
  });

  it('answers an unknown route, another method and a bad %-escape as problems', async () => {
    expectProblem(await httpRequest(`${mailer.url}/v1/nothing`), 404, 'mail.not_found');
    expectProblem(await httpRequest(messages(), { headers: AUTH }), 404, 'mail.not_found');
    const badEscape = await httpRequest(`${mailer.url}/v1/%E0%A4%A`);
    expect({ status: badEscape.status, type: badEscape.headers['content-type'] }).toEqual({ status: 400, type: 'application/problem+json' });
  });

  it('names an undeclared field, and fields of the wrong type, without echoing them', async () => {
    const request = { ...sendMailRequest(), secretField: 'erika-private', tenant: { ...sendMailRequest().tenant, extra: true } };
    const problem = expectProblem(await postJson(messages(), request, AUTH), 400, 'mail.invalid_request');
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(['secretField', 'tenant.extra']);
    const wrongTypes = { ...sendMailRequest(), to: ['erika@acme.example'], attachments: {} };
    const typed = expectProblem(await postJson(messages(), wrongTypes, AUTH), 400, 'mail.invalid_request');
    expect(typed.errors?.map((error) => error.field).sort()).toEqual(['attachments', 'to']);
    expect(JSON.stringify([problem, typed])).not.toContain('erika');
  });

  it('names a malformed idempotency key', async () => {
    const answer = await postJson(messages(), sendMailRequest(), { ...AUTH, 'idempotency-key': 'not a key!' });
    expect(expectProblem(answer, 400, 'mail.invalid_request').errors?.map((error) => error.field)).toEqual(['idempotency-key']);
  });

  it('logs each refusal with its status and invalid fields, never their values', () => {
    const refusals = logs.entries().filter((entry) => entry['msg'] === 'message not sent');
    expect(refusals.map((entry) => entry['status'])).toEqual(expect.arrayContaining([400, 413, 415]));
    expect(refusals.some((entry) => Array.isArray(entry['invalidFields']) && (entry['invalidFields'] as string[]).includes('secretField'))).toBe(true);
    expect(logs.text()).not.toContain('erika');
  });
});

describe('mailer under a flood of messages', () => {
  let catcher: MailCatcher;
  let mailer: RunningMailer;

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    mailer = await startMailer(mailerConfig(catcher.smtpPort, 2), { logDestination: new LogCapture() });
  });
  afterAll(async () => {
    await mailer?.stop();
    await catcher?.stop();
  });

  it('answers messages past its limit per minute with 429 and Retry-After, which the outbox retries', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 2; attempt += 1) statuses.push((await postJson(`${mailer.url}/v1/messages`, sendMailRequest(), AUTH)).status);
    const refused = await postJson(`${mailer.url}/v1/messages`, sendMailRequest(), AUTH);
    // Unauthenticated attempts count too: guessing the key is bounded.
    const guessing = await postJson(`${mailer.url}/v1/messages`, sendMailRequest(), { authorization: 'Bearer guessing-the-key-0000' });
    expect([...statuses, refused.status, guessing.status]).toEqual([202, 202, 429, 429]);
    expect(refused.headers['content-type']).toBe('application/problem+json');
    expect(refused.json()).toMatchObject({ status: 429, code: 'mail.rate_limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await httpRequest(`${mailer.url}/health/ready`)).status).toBe(200);
    expect(catcher.messages()).toHaveLength(2);
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
