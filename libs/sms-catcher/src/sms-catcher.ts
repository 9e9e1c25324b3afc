import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CaughtStore } from '@vaccinate/mail-catcher';
import { renderTextList } from './catcher-page';
import type { CallbackAnswer, CaughtText } from './caught-text';
import { answerJson, postCallback, type CallbackRequest, type TakenText } from './http-util';
import { handleTwilio, twilioStatusCallback, type TwilioAccount } from './twilio-api';
import { handleVonage, vonageReceipt, type VonageAccount } from './vonage-api';

export interface SmsCatcherOptions {
  /** 0 picks a free port; the real one is reported back. */
  port: number;
  /** Loopback only: the catcher has no authentication of its own. */
  host?: string;
  /** How many texts are kept; older ones fall off. Default 500. */
  capacity?: number;
  /** Accounts the Twilio fake accepts. */
  twilio?: TwilioAccount[];
  /** Accounts the Vonage fake accepts. */
  vonage?: VonageAccount[];
  /**
   * How long after accepting a text the provider reports it delivered to the callback URL it was
   * given, as the phone network's answer would come back. Default 1 s; null reports only on `report()`.
   */
  deliverAfterMs?: number | null;
  /** Where callbacks go, on the callback URL's path (a reverse proxy in front of the API); by default the callback URL itself. */
  callbackOrigin?: string;
  /**
   * Holds each send request's answer until `report()` has posted a status for that text and got the
   * API's answer: the report arrives before the sender learns the message id, as with a slow answer
   * path. Default false; `holdAnswers()` switches it on a running catcher.
   */
  holdAnswers?: boolean;
}

export interface ReportOptions {
  /** Where this callback goes instead of the catcher's `callbackOrigin`. */
  origin?: string;
  /** Replaces the right signature; null sends none (Twilio only: a Vonage receipt always has a `sig`). */
  signature?: string | null;
  /** When the provider signed it (Vonage's `timestamp`); now by default. */
  signedAt?: Date;
}

export interface SmsCatcher {
  port: number;
  /** The page listing the caught texts; the provider APIs answer under the same origin. */
  url: string;
  /** Caught texts, newest first. */
  texts(): CaughtText[];
  clear(): void;
  /** Resolves with the first text (caught already or later, or reported on since) that matches, or rejects after `timeoutMs`. */
  waitForText(match: (text: CaughtText) => boolean, timeoutMs?: number): Promise<CaughtText>;
  /** Posts the provider's signed status callback for `text` now, as the provider would, and answers what the API said. */
  report(text: CaughtText, status: string, options?: ReportOptions): Promise<CallbackAnswer>;
  /** Switches `holdAnswers` for the texts taken from now on; answers already held wait for their report. */
  holdAnswers(hold: boolean): void;
  stop(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
/** Only loopback names: a page on another site must not read the texts through DNS rebinding. */
const LOOPBACK_HOST_HEADER = /^(localhost|[a-z0-9-]+\.localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;
const MAX_BODY_BYTES = 64 * 1024;
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Fakes of Twilio's and Vonage's SMS APIs on one loopback port, which keep what they accept and report its delivery back signed. */
export async function startSmsCatcher(options: SmsCatcherOptions): Promise<SmsCatcher> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error('The SMS catcher listens on loopback only (127.0.0.1, ::1 or localhost).');
  const store = new CaughtStore<CaughtText>(options.capacity ?? 500, 'No matching text message');
  const [twilioAccounts, vonageAccounts] = [options.twilio ?? [], options.vonage ?? []];
  const deliverAfterMs = options.deliverAfterMs === undefined ? 1_000 : options.deliverAfterMs;
  const timers = new Set<NodeJS.Timeout>();
  let holding = options.holdAnswers ?? false;
  /** Send answers held back, by the caught text's id. */
  const heldAnswers = new Map<string, () => void>();

  const callbackFor = (text: CaughtText, status: string, report: ReportOptions): CallbackRequest => {
    if (text.provider === 'twilio') {
      const account = twilioAccounts.find((each) => each.sid === text.account);
      if (!account) throw new Error('The text was sent with an account the catcher no longer knows');
      return twilioStatusCallback(account, text, status, report.signature);
    }
    const account = vonageAccounts.find((each) => each.apiKey === text.account);
    if (!account) throw new Error('The text was sent with an account the catcher no longer knows');
    return vonageReceipt(account, text, status, { ...(report.signature ? { sig: report.signature } : {}), ...(report.signedAt ? { signedAt: report.signedAt } : {}) });
  };

  const report = async (text: CaughtText, status: string, reportOptions: ReportOptions = {}): Promise<CallbackAnswer> => {
    const answer = await postCallback(callbackFor(text, status, reportOptions), reportOptions.origin ?? options.callbackOrigin).catch((): CallbackAnswer => ({
      status: 0,
      contentType: '',
      body: '',
    }));
    text.delivery = { status, answer: answer.status };
    store.changed(text);
    const held = heldAnswers.get(text.id);
    heldAnswers.delete(text.id);
    held?.();
    return answer;
  };

  const accepted = ({ text, answer }: TakenText, response: ServerResponse) => {
    if (holding) heldAnswers.set(text.id, answer);
    else answer();
    if (deliverAfterMs === null || !text.callbackUrl) return;
    // After the answer is on its way, as the network's report comes after the provider took the message.
    response.once('finish', () => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        void report(text, 'delivered');
      }, deliverAfterMs);
      timers.add(timer);
    });
  };

  const route = (request: IncomingMessage, body: string, response: ServerResponse): void => {
    const twilio = handleTwilio(request, body, response, twilioAccounts, store);
    if (twilio) return accepted(twilio, response);
    if (twilio === null) return;
    const vonage = handleVonage(request, body, response, vonageAccounts, store);
    if (vonage) return accepted(vonage, response);
    if (vonage === null) return;
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/' && (request.method === 'GET' || request.method === 'HEAD')) {
      const page = renderTextList(store.list());
      response.writeHead(200, { ...PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page) });
      return void response.end(page);
    }
    if (path === '/api/texts' && request.method === 'GET') return answerJson(response, 200, store.list());
    if (path === '/api/texts' && request.method === 'DELETE') {
      store.clear();
      return void response.writeHead(204).end();
    }
    answerJson(response, 404, { error: 'not found' });
  };

  const server = createServer((request, response) => {
    if (!LOOPBACK_HOST_HEADER.test(request.headers.host ?? '')) {
      response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
      return void response.end('The SMS catcher answers only on localhost.\n');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_BODY_BYTES) return answerJson(response, 413, { error: 'too large' });
      route(request, Buffer.concat(chunks).toString('utf8'), response);
    });
  });
  server.listen(options.port, host);
  await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error as Error))]);
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://${host === '::1' ? '[::1]' : host}:${port}/`,
    texts: () => store.list(),
    clear: () => store.clear(),
    report,
    holdAnswers(hold) {
      holding = hold;
    },
    waitForText: (match, timeoutMs = 10_000) => store.waitFor(match, timeoutMs),
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      heldAnswers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
