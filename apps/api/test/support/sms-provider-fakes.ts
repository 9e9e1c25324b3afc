import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * Local stand-ins for the SMS providers' HTTP APIs, as their SDKs call them, and for their status
 * callbacks, signed as the providers sign them (computed here, not with the SDKs, so a wrong
 * check in the API fails the tests).
 */

interface Listening {
  url: string;
  close(): Promise<void>;
}

async function listen(handle: (request: IncomingMessage, body: string, response: ServerResponse) => void): Promise<Listening & { server: Server }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handle(request, Buffer.concat(chunks).toString('utf8'), response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function basicCredentials(request: IncomingMessage): string {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
}

/** Posts a callback to the API at `target`, on the path of the URL the provider was given (as through a reverse proxy). */
async function post(target: string, callbackUrl: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${target}${new URL(callbackUrl).pathname}`, { method: 'POST', headers, body });
}

export interface TwilioMessage {
  sid: string;
  To: string;
  From: string;
  Body: string;
  StatusCallback: string;
}

/** Twilio's signature: base64 HMAC-SHA1 of the URL followed by every field name and value, names sorted. */
export function twilioSignature(authToken: string, url: string, fields: Record<string, string>): string {
  const data = Object.keys(fields)
    .sort()
    .reduce((text, key) => text + key + fields[key], url);
  return createHmac('sha1', authToken).update(data).digest('base64');
}

/** Twilio's REST API: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded, basic auth with the SID and auth token. */
export async function fakeTwilio(account: { sid: string; authToken: string }) {
  const messages: TwilioMessage[] = [];
  const path = `/2010-04-01/Accounts/${account.sid}/Messages.json`;
  const listening = await listen((request, body, response) => {
    if (request.method !== 'POST' || request.url !== path) return answer(response, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    if (basicCredentials(request) !== `${account.sid}:${account.authToken}`) {
      return answer(response, 401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
    }
    const form = new URLSearchParams(body);
    const [to, from, text] = [form.get('To') ?? '', form.get('From') ?? '', form.get('Body') ?? ''];
    if (!/^\+[1-9]\d{6,14}$/.test(to)) {
      return answer(response, 400, { code: 21211, message: `Invalid 'To' Phone Number`, more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 });
    }
    const sid = `SM${randomBytes(16).toString('hex')}`;
    messages.push({ sid, To: to, From: from, Body: text, StatusCallback: form.get('StatusCallback') ?? '' });
    answer(response, 201, {
      sid,
      account_sid: account.sid,
      to,
      from,
      body: text,
      status: 'queued',
      num_segments: '1',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      date_created: new Date().toUTCString(),
      date_updated: new Date().toUTCString(),
      date_sent: null,
      error_code: null,
      error_message: null,
      price: null,
      uri: `${path.replace('.json', '')}/${sid}.json`,
    });
  });
  return {
    ...listening,
    messages,
    /** Twilio's status callback for `message`, sent to the API at `target`; `signature` replaces the right one. */
    callback(target: string, message: TwilioMessage, status: string, signature?: string | null): Promise<Response> {
      const fields = {
        AccountSid: account.sid,
        ApiVersion: '2010-04-01',
        From: message.From,
        MessageSid: message.sid,
        MessageStatus: status,
        SmsSid: message.sid,
        SmsStatus: status,
        To: message.To,
      };
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      const signed = signature === undefined ? twilioSignature(account.authToken, message.StatusCallback, fields) : signature;
      if (signed !== null) headers['x-twilio-signature'] = signed;
      return post(target, message.StatusCallback, new URLSearchParams(fields).toString(), headers);
    },
  };
}

export interface VonageMessage {
  messageId: string;
  to: string;
  from: string;
  text: string;
  callback: string;
  clientRef: string;
}

/** Vonage's signed webhooks: hex HMAC-SHA256 of `&name=value` for every field but `sig`, names sorted, `&` and `=` in values read as `_`. */
export function vonageSignature(secret: string, fields: Record<string, string>): string {
  const data = Object.keys(fields)
    .filter((key) => key !== 'sig')
    .sort()
    .map((key) => `&${key}=${(fields[key] ?? '').replace(/[&=]/g, '_')}`)
    .join('');
  return createHmac('sha256', secret).update(data).digest('hex').toUpperCase();
}

/** Vonage's SMS API: `POST /sms/json` with the API key and secret (basic auth from the SDK), answering 200 with a status per message. */
export async function fakeVonage(account: { apiKey: string; apiSecret: string; signatureSecret: string }) {
  const messages: VonageMessage[] = [];
  const listening = await listen((request, body, response) => {
    if (request.method !== 'POST' || request.url !== '/sms/json')
      return answer(response, 404, { type: 'https://developer.vonage.com/api-errors#not-found', title: 'Not Found' });
    if (basicCredentials(request) !== `${account.apiKey}:${account.apiSecret}`) {
      return answer(response, 200, { 'message-count': '1', messages: [{ status: '4', 'error-text': 'Bad Credentials' }] });
    }
    const sms = JSON.parse(body) as Record<string, string>;
    if (!/^[1-9]\d{6,14}$/.test(sms['to'] ?? '')) {
      return answer(response, 200, { 'message-count': '1', messages: [{ status: '3', 'error-text': 'Invalid Message: to address is not numeric' }] });
    }
    const messageId = randomBytes(8).toString('hex').toUpperCase();
    messages.push({
      messageId,
      to: sms['to'] ?? '',
      from: sms['from'] ?? '',
      text: sms['text'] ?? '',
      callback: sms['callback'] ?? '',
      clientRef: sms['client-ref'] ?? '',
    });
    answer(response, 200, {
      'message-count': '1',
      messages: [
        {
          to: sms['to'],
          'message-id': messageId,
          status: '0',
          'remaining-balance': '3.14159265',
          'message-price': '0.03330000',
          network: '26201',
          'client-ref': sms['client-ref'],
        },
      ],
    });
  });
  return {
    ...listening,
    messages,
    /** The delivery receipt of `message` (a JSON POST), sent to the API at `target`; `sig` replaces the right signature. */
    receipt(target: string, message: VonageMessage, status: string, sig?: string): Promise<Response> {
      const fields: Record<string, string> = {
        msisdn: message.to,
        to: message.from,
        'network-code': '26201',
        messageId: message.messageId,
        price: '0.03330000',
        status,
        scts: '2612030300',
        'err-code': status === 'delivered' ? '0' : '1',
        'api-key': account.apiKey,
        'client-ref': message.clientRef,
        'message-timestamp': new Date().toISOString().slice(0, 19).replace('T', ' '),
        timestamp: String(Math.floor(Date.now() / 1000)),
        nonce: randomUUID(),
      };
      fields['sig'] = sig ?? vonageSignature(account.signatureSecret, fields);
      return post(target, message.callback, JSON.stringify(fields), { 'content-type': 'application/json' });
    },
  };
}
