import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AlgorithmTypes } from '@vonage/auth';
import { Vonage } from '@vonage/server-sdk';
import Twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmsCatcher, type SmsCatcher } from './sms-catcher';

const twilioAccount = { sid: `AC${'0'.repeat(31)}7`, authToken: 'catcher-test-auth-token' };
const vonageAccount = { apiKey: 'cafe1234', apiSecret: 'catcher-test-api-secret', signatureSecret: 'catcher-test-signature-secret' };

interface Received {
  host: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Stands in for the tenant API's callback routes: keeps what it is posted and answers 204. */
async function startReceiver(): Promise<{ server: Server; port: number; received: Received[]; next(): Promise<Received> }> {
  const received: Received[] = [];
  const waiting: ((each: Received) => void)[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const each = { host: incoming.headers.host ?? '', path: incoming.url ?? '', headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(each);
      waiting.shift()?.(each);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    received,
    next: () => new Promise((resolve) => waiting.push(resolve)),
  };
}

function call(port: number, method: string, path: string, options: { body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: IncomingMessage['headers']; body: string }>((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method, path, headers: options.headers ?? {} }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

describe('SMS catcher', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let catcher: SmsCatcher;

  beforeAll(async () => {
    receiver = await startReceiver();
    catcher = await startSmsCatcher({ port: 0, twilio: [twilioAccount], vonage: [vonageAccount], deliverAfterMs: 0 });
  });
  afterAll(async () => {
    await catcher?.stop();
    await new Promise((resolve) => receiver?.server.close(resolve));
  });
  beforeEach(() => catcher.clear());

  it('takes a text through the Twilio SDK and reports it delivered, signed, to the callback URL on a .localhost name', async () => {
    const client = Twilio(twilioAccount.sid, twilioAccount.authToken, { autoRetry: false });
    client.api.baseUrl = catcher.url.replace(/\/$/, '');
    const callbackUrl = `http://acme.localhost:${receiver.port}/api/sms/twilio/status`;
    const arriving = receiver.next();
    const sent = await client.messages.create({ to: '+4915123456789', from: '+4930555000', body: 'Offer: http://acme.localhost/x#t', statusCallback: callbackUrl });
    expect(sent.sid).toMatch(/^SM[0-9a-f]{32}$/);

    const callback = await arriving;
    expect(callback.host).toBe(`acme.localhost:${receiver.port}`);
    expect(callback.path).toBe('/api/sms/twilio/status');
    const fields = Object.fromEntries(new URLSearchParams(callback.body));
    expect(fields).toMatchObject({ MessageSid: sent.sid, MessageStatus: 'delivered', To: '+4915123456789', AccountSid: twilioAccount.sid });
    expect(Twilio.validateRequest(twilioAccount.authToken, String(callback.headers['x-twilio-signature']), callbackUrl, fields)).toBe(true);
    const text = await catcher.waitForText((each) => each.delivery !== null);
    expect(text).toMatchObject({ provider: 'twilio', to: '+4915123456789', from: '+4930555000', delivery: { status: 'delivered', answer: 204 } });
  });

  it('refuses wrong credentials and a number that is not E.164, as Twilio does', async () => {
    const path = `/2010-04-01/Accounts/${twilioAccount.sid}/Messages.json`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const wrong = await call(catcher.port, 'POST', path, { body: 'To=%2B4915123456789&Body=x', headers: { ...form, authorization: basic(twilioAccount.sid, 'nope') } });
    expect(wrong.status).toBe(401);
    const short = await call(catcher.port, 'POST', path, {
      body: 'To=0151&Body=x',
      headers: { ...form, authorization: basic(twilioAccount.sid, twilioAccount.authToken) },
    });
    expect(JSON.parse(short.body)).toMatchObject({ code: 21211 });
    expect(catcher.texts()).toEqual([]);
  });

  it('takes a text through the Vonage SDK and posts its signed receipt through the given origin', async () => {
    const routed = await startSmsCatcher({ port: 0, vonage: [vonageAccount], callbackOrigin: `http://127.0.0.1:${receiver.port}` });
    try {
      const vonage = new Vonage({ apiKey: vonageAccount.apiKey, apiSecret: vonageAccount.apiSecret }, { restHost: routed.url.replace(/\/$/, '') });
      const arriving = receiver.next();
      const sent = await vonage.sms.send({
        to: '4915123456789',
        from: 'Globex',
        text: 'Angebot',
        clientRef: 'offer-1',
        callback: 'https://globex.example/api/sms/vonage/receipts',
      });
      const callback = await arriving;
      expect(callback.path).toBe('/api/sms/vonage/receipts');
      const receipt = JSON.parse(callback.body) as Record<string, string>;
      expect(receipt).toMatchObject({ messageId: sent.messages[0]?.messageId, status: 'delivered', msisdn: '4915123456789', 'client-ref': 'offer-1' });
      const verifier = new Vonage({ apiKey: vonageAccount.apiKey, apiSecret: vonageAccount.apiSecret });
      expect(verifier.sms.verifySignature(receipt['sig'] ?? '', receipt, vonageAccount.signatureSecret, AlgorithmTypes.sha256hmac)).toBe(true);
      expect(routed.texts()[0]).toMatchObject({ provider: 'vonage', to: '+4915123456789', reference: 'offer-1' });
    } finally {
      await routed.stop();
    }
  });

  it('reports nothing by itself when told to wait, and then what it is asked to', async () => {
    const holding = await startSmsCatcher({ port: 0, twilio: [twilioAccount], deliverAfterMs: null });
    try {
      const client = Twilio(twilioAccount.sid, twilioAccount.authToken, { autoRetry: false });
      client.api.baseUrl = holding.url.replace(/\/$/, '');
      const before = receiver.received.length;
      await client.messages.create({ to: '+4915123456789', from: '+4930555000', body: 'x', statusCallback: `http://127.0.0.1:${receiver.port}/status` });
      const [text] = holding.texts();
      if (!text) throw new Error('no text caught');
      expect(text.delivery).toBeNull();
      const unsigned = await holding.report(text, 'failed', { signature: null });
      expect(unsigned.status).toBe(204);
      expect(receiver.received.slice(before)).toHaveLength(1);
      expect(receiver.received.at(-1)?.headers['x-twilio-signature']).toBeUndefined();
      expect(text.delivery).toEqual({ status: 'failed', answer: 204 });
    } finally {
      await holding.stop();
    }
  });

  it('holds the answer to a send until the report on that text has been answered, for both providers', async () => {
    const holding = await startSmsCatcher({ port: 0, twilio: [twilioAccount], vonage: [vonageAccount], deliverAfterMs: null, holdAnswers: true });
    try {
      const client = Twilio(twilioAccount.sid, twilioAccount.authToken, { autoRetry: false });
      client.api.baseUrl = holding.url.replace(/\/$/, '');
      const events: string[] = [];
      const sending = client.messages
        .create({ to: '+4915123456789', from: '+4930555000', body: 'x', statusCallback: `http://127.0.0.1:${receiver.port}/status?offer=o-1` })
        .then((sent) => (events.push('answered'), sent));
      const text = await holding.waitForText((each) => each.provider === 'twilio');
      expect(text.callbackUrl).toBe(`http://127.0.0.1:${receiver.port}/status?offer=o-1`);
      const reported = await holding.report(text, 'delivered');
      events.push('reported');
      expect(reported.status).toBe(204);
      expect(receiver.received.at(-1)?.path).toBe('/status?offer=o-1');
      expect((await sending).sid).toBe(text.messageId);
      expect(events).toEqual(['reported', 'answered']);

      const vonage = new Vonage({ apiKey: vonageAccount.apiKey, apiSecret: vonageAccount.apiSecret }, { restHost: holding.url.replace(/\/$/, '') });
      const vonageSending = vonage.sms.send({ to: '4915123456789', from: 'Globex', text: 'x', clientRef: 'o-2', callback: `http://127.0.0.1:${receiver.port}/receipts` });
      const vonageText = await holding.waitForText((each) => each.provider === 'vonage');
      expect((await holding.report(vonageText, 'delivered')).status).toBe(204);
      expect((await vonageSending).messages[0]?.messageId).toBe(vonageText.messageId);

      // Switched off, the next send is answered at once.
      holding.holdAnswers(false);
      expect((await client.messages.create({ to: '+4915123456789', from: '+4930555000', body: 'y' })).sid).toMatch(/^SM/);
    } finally {
      await holding.stop();
    }
  });

  it('lists what it caught as JSON and on an escaped page, forgets it on DELETE, and answers only on loopback names', async () => {
    const client = Twilio(twilioAccount.sid, twilioAccount.authToken, { autoRetry: false });
    client.api.baseUrl = catcher.url.replace(/\/$/, '');
    await client.messages.create({ to: '+4915123456789', from: '+4930555000', body: '<b>x</b> https://acme.localhost/standby/offer#abc' });
    const listed = await call(catcher.port, 'GET', '/api/texts');
    expect((JSON.parse(listed.body) as { to: string }[]).map((text) => text.to)).toEqual(['+4915123456789']);
    const page = await call(catcher.port, 'GET', '/');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('&lt;b&gt;x&lt;/b&gt; <a href="https://acme.localhost/standby/offer#abc" rel="noreferrer">');
    expect((await call(catcher.port, 'GET', '/api/texts', { headers: { host: 'evil.example' } })).status).toBe(421);
    expect((await call(catcher.port, 'DELETE', '/api/texts')).status).toBe(204);
    expect(catcher.texts()).toEqual([]);
  });

  it('refuses to listen beyond loopback', async () => {
    await expect(startSmsCatcher({ port: 0, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});
