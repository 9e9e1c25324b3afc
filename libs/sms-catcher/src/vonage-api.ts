import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CaughtStore } from '@vaccinate/mail-catcher';
import type { CaughtText } from './caught-text';
import { answerJson, basicCredentials, type CallbackRequest, type TakenText } from './http-util';
import { vonageSignature } from './signatures';

export interface VonageAccount {
  apiKey: string;
  apiSecret: string;
  /** Signs the delivery receipts (`sig`). */
  signatureSecret: string;
}

/** Vonage takes numbers without the plus. */
const VONAGE_NUMBER = /^[1-9]\d{6,14}$/;

/**
 * Vonage's SMS API as its SDK calls it: `POST /sms/json` with the API key and secret, answering 200
 * with a status per message (a refusal too). False when the path is not Vonage's.
 */
export function handleVonage(
  request: IncomingMessage,
  body: string,
  response: ServerResponse,
  accounts: VonageAccount[],
  store: CaughtStore<CaughtText>,
): TakenText | false | null {
  if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/sms/json') return false;
  if (request.method !== 'POST') {
    answerJson(response, 404, { type: 'https://developer.vonage.com/api-errors#not-found', title: 'Not Found' });
    return null;
  }
  const account = accounts.find((each) => basicCredentials(request) === `${each.apiKey}:${each.apiSecret}`);
  if (!account) {
    answerJson(response, 200, { 'message-count': '1', messages: [{ status: '4', 'error-text': 'Bad Credentials' }] });
    return null;
  }
  const sms = parseObject(body);
  const to = sms['to'] ?? '';
  if (!VONAGE_NUMBER.test(to)) {
    answerJson(response, 200, { 'message-count': '1', messages: [{ status: '3', 'error-text': 'Invalid Message: to address is not numeric' }] });
    return null;
  }
  const messageId = randomBytes(8).toString('hex').toUpperCase();
  const reference = sms['client-ref'];
  const caught = store.add((id) => ({
    id,
    receivedAt: new Date().toISOString(),
    delivery: null,
    provider: 'vonage',
    messageId,
    account: account.apiKey,
    to: `+${to}`,
    from: sms['from'] ?? '',
    text: sms['text'] ?? '',
    callbackUrl: sms['callback'] ?? '',
    ...(reference === undefined ? {} : { reference }),
  }));
  const answer = () =>
    answerJson(response, 200, {
      'message-count': '1',
      messages: [
        {
          to,
          'message-id': messageId,
          status: '0',
          'remaining-balance': '3.14159265',
          'message-price': '0.03330000',
          network: '26201',
          ...(reference === undefined ? {} : { 'client-ref': reference }),
        },
      ],
    });
  return { text: caught, answer };
}

export interface VonageReceiptOptions {
  /** Replaces the right `sig`. */
  sig?: string;
  /** When Vonage signed the receipt (its `timestamp`); now by default. */
  signedAt?: Date;
}

/** Vonage's delivery receipt for `text`: a JSON post whose `sig` signs every other field, the time of signing among them. */
export function vonageReceipt(account: VonageAccount, text: CaughtText, status: string, options: VonageReceiptOptions = {}): CallbackRequest {
  const signedAt = options.signedAt ?? new Date();
  const fields: Record<string, string> = {
    msisdn: text.to.replace(/^\+/, ''),
    to: text.from,
    'network-code': '26201',
    messageId: text.messageId,
    price: '0.03330000',
    status,
    scts: signedAt.toISOString().slice(2, 16).replace(/\D/g, ''),
    'err-code': status === 'delivered' ? '0' : '1',
    'api-key': account.apiKey,
    ...(text.reference === undefined ? {} : { 'client-ref': text.reference }),
    'message-timestamp': signedAt.toISOString().slice(0, 19).replace('T', ' '),
    timestamp: String(Math.floor(signedAt.getTime() / 1000)),
    nonce: randomUUID(),
  };
  fields['sig'] = options.sig ?? vonageSignature(account.signatureSecret, fields);
  return { url: text.callbackUrl, headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) };
}

function parseObject(body: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return Object.fromEntries(new URLSearchParams(body));
  }
}
