import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validSendMailRequest } from '../../test/support/send-mail-request.fixture';
import { postJson } from '../../test/support/http-client';
import { LogCapture } from '../../test/support/log-capture';
import type { MailerConfig } from '../config/mailer-config';
import { startMailer, type RunningMailer } from '../mailer';
import { MailProviderError, type OutgoingMail } from './mail-provider';
import { MailjetMailProvider } from './mailjet-mail.provider';

interface CapturedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** A local stand-in for api.mailjet.com that records requests and answers what the test says. */
class FakeMailjet {
  readonly requests: CapturedRequest[] = [];
  answer: { status: number; body: unknown } = { status: 200, body: {} };
  private readonly server: Server = createServer((request, response) => void this.capture(request, response));

  private async capture(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    this.requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString()) });
    response.writeHead(this.answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(this.answer.body));
  }

  async start(): Promise<string> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const SUCCESS = {
  Messages: [{ Status: 'success', To: [{ Email: 'erika@acme.example', MessageUUID: 'mj-uuid-1', MessageID: 576460752303423500 }] }],
};

function outgoing(): OutgoingMail {
  return {
    from: { name: 'Acme Chemie GmbH', address: 'no-reply@vaccinate.example' },
    to: { name: 'Erika Mustermann', address: 'erika@acme.example' },
    subject: 'Buchungsbestätigung',
    html: '<p>Hallo <img src="cid:check-in-qr" alt="QR"></p>',
    text: 'Hallo',
    attachments: [{ filename: 'termine.ics', contentType: 'text/calendar', content: Buffer.from('BEGIN:VCALENDAR') }],
    inlineImages: [{ contentId: 'check-in-qr', filename: 'check-in-qr.png', contentType: 'image/png', content: Buffer.from([137, 80, 78, 71]) }],
  };
}

describe('MailjetMailProvider', () => {
  const fake = new FakeMailjet();
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await fake.start();
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.requests.length = 0;
    fake.answer = { status: 200, body: SUCCESS };
  });

  it('posts one message to the Send API v3.1 with basic auth, parts and both kinds of attachments', async () => {
    const provider = new MailjetMailProvider({ apiKey: 'public-key', apiSecret: 'private-secret', baseUrl });
    await expect(provider.send(outgoing())).resolves.toEqual({ messageId: 'mj-uuid-1' });

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v3.1/send');
    expect(request?.headers['authorization']).toBe(`Basic ${Buffer.from('public-key:private-secret').toString('base64')}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({
      Messages: [
        {
          From: { Email: 'no-reply@vaccinate.example', Name: 'Acme Chemie GmbH' },
          To: [{ Email: 'erika@acme.example', Name: 'Erika Mustermann' }],
          Subject: 'Buchungsbestätigung',
          TextPart: 'Hallo',
          HTMLPart: '<p>Hallo <img src="cid:check-in-qr" alt="QR"></p>',
          Attachments: [{ ContentType: 'text/calendar', Filename: 'termine.ics', Base64Content: Buffer.from('BEGIN:VCALENDAR').toString('base64') }],
          InlinedAttachments: [
            { ContentType: 'image/png', Filename: 'check-in-qr.png', ContentID: 'check-in-qr', Base64Content: Buffer.from([137, 80, 78, 71]).toString('base64') },
          ],
        },
      ],
    });
  });

  it.each([
    [500, true],
    [503, true],
    [429, true],
    [400, false],
    [401, false],
  ])('treats HTTP %i as retryable=%s', async (status, retryable) => {
    fake.answer = { status, body: { Messages: [{ Status: 'error', Errors: [{ ErrorMessage: 'erika@acme.example is bad' }] }] } };
    const provider = new MailjetMailProvider({ apiKey: 'k', apiSecret: 's', baseUrl });
    const error = await provider.send(outgoing()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailProviderError);
    expect(error).toMatchObject({ retryable, detail: `mailjet ${status}` });
    // Mailjet's own words can quote the recipient; they are not carried on.
    expect((error as Error).message).not.toContain('erika');
  });

  it('refuses a 200 answer that does not report success', async () => {
    fake.answer = { status: 200, body: { Messages: [{ Status: 'error' }] } };
    const provider = new MailjetMailProvider({ apiKey: 'k', apiSecret: 's', baseUrl });
    await expect(provider.send(outgoing())).rejects.toMatchObject({ retryable: false, detail: 'mailjet unexpected answer' });
  });

  it('reports an unreachable API as retryable', async () => {
    const provider = new MailjetMailProvider({ apiKey: 'k', apiSecret: 's', baseUrl: 'http://127.0.0.1:1' });
    await expect(provider.send(outgoing())).rejects.toMatchObject({ retryable: true, detail: 'mailjet unreachable' });
  });

  describe('behind the mailer', () => {
    let mailer: RunningMailer;

    beforeAll(async () => {
      const config: MailerConfig = {
        port: 0,
        host: '127.0.0.1',
        logLevel: 'silent',
        provider: 'mailjet',
        smtpUrl: 'smtp://127.0.0.1:1',
        from: { name: '', address: 'no-reply@vaccinate.example' },
        mailjet: { apiKey: 'k', apiSecret: 's' },
        apiKey: null,
        rateLimitPerMinute: 1200,
        tracing: null,
      };
      mailer = await startMailer(config, { provider: new MailjetMailProvider({ apiKey: 'k', apiSecret: 's', baseUrl }), logDestination: new LogCapture() });
    });
    afterAll(() => mailer.stop());

    it('sends the rendered confirmation with the QR inline and answers the Mailjet message id', async () => {
      const answer = await postJson(`${mailer.url}/v1/messages`, validSendMailRequest({ locale: 'en' }));
      expect(answer.status).toBe(202);
      expect(answer.json()).toEqual({ messageId: 'mj-uuid-1' });
      const message = (fake.requests[0]?.body as { Messages: Record<string, unknown>[] }).Messages[0]!;
      expect(message['Subject']).toBe('Booking confirmed: Comirnaty, booking K7M-4Q2X');
      expect(message['HTMLPart']).toContain('src="cid:check-in-qr"');
      expect(message['TextPart']).toContain('Booking code: K7M-4Q2X');
      expect(message['InlinedAttachments']).toEqual([expect.objectContaining({ ContentID: 'check-in-qr', ContentType: 'image/png' })]);
      expect(message['Attachments']).toEqual([expect.objectContaining({ Filename: 'impftermine.ics', ContentType: 'text/calendar; charset=utf-8' })]);
    });

    it('answers 502 when Mailjet fails', async () => {
      fake.answer = { status: 503, body: {} };
      const answer = await postJson(`${mailer.url}/v1/messages`, validSendMailRequest());
      expect(answer.status).toBe(502);
      expect(answer.json()).toMatchObject({ code: 'mail.provider_unavailable' });
      fake.answer = { status: 400, body: {} };
      expect((await postJson(`${mailer.url}/v1/messages`, validSendMailRequest())).json()).toMatchObject({ status: 502, code: 'mail.provider_rejected' });
    });
  });
});
