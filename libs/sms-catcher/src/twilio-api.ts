import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CaughtStore } from '@vaccinate/mail-catcher';
import type { CaughtText } from './caught-text';
import { answerJson, basicCredentials, type CallbackRequest, type TakenText } from './http-util';
import { twilioSignature } from './signatures';

export interface TwilioAccount {
  /** `AC` and 32 hex digits. */
  sid: string;
  authToken: string;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Twilio's REST API as its SDK calls it: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`,
 * form-encoded, basic auth with the SID and auth token. False when the path is not Twilio's.
 */
export function handleTwilio(
  request: IncomingMessage,
  body: string,
  response: ServerResponse,
  accounts: TwilioAccount[],
  store: CaughtStore<CaughtText>,
): TakenText | false | null {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const match = MESSAGES_PATH.exec(path);
  if (!match) return false;
  const account = accounts.find((each) => each.sid === match[1]);
  if (request.method !== 'POST' || !account) {
    answerJson(response, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    return null;
  }
  if (basicCredentials(request) !== `${account.sid}:${account.authToken}`) {
    answerJson(response, 401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
    return null;
  }
  const form = new URLSearchParams(body);
  const [to, from, text] = [form.get('To') ?? '', form.get('From') ?? '', form.get('Body') ?? ''];
  if (!E164.test(to)) {
    answerJson(response, 400, { code: 21211, message: `Invalid 'To' Phone Number`, more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 });
    return null;
  }
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const caught = store.add((id) => ({
    id,
    receivedAt: new Date().toISOString(),
    delivery: null,
    provider: 'twilio',
    messageId: sid,
    account: account.sid,
    to,
    from,
    text,
    callbackUrl: form.get('StatusCallback') ?? '',
  }));
  const now = new Date().toUTCString();
  const answer = () =>
    answerJson(response, 201, {
      sid,
      account_sid: account.sid,
      to,
      from,
      body: text,
      status: 'queued',
      num_segments: '1',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      date_created: now,
      date_updated: now,
      date_sent: null,
      error_code: null,
      error_message: null,
      price: null,
      uri: `/2010-04-01/Accounts/${account.sid}/Messages/${sid}.json`,
    });
  return { text: caught, answer };
}

/** Twilio's status callback for `text`: a form post signed over the callback URL; `signature` replaces the right one (null: none). */
export function twilioStatusCallback(account: TwilioAccount, text: CaughtText, status: string, signature?: string | null): CallbackRequest {
  const fields = {
    AccountSid: account.sid,
    ApiVersion: '2010-04-01',
    From: text.from,
    MessageSid: text.messageId,
    MessageStatus: status,
    SmsSid: text.messageId,
    SmsStatus: status,
    To: text.to,
  };
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const signed = signature === undefined ? twilioSignature(account.authToken, text.callbackUrl, fields) : signature;
  if (signed !== null) headers['x-twilio-signature'] = signed;
  return { url: text.callbackUrl, headers, body: new URLSearchParams(fields).toString() };
}
