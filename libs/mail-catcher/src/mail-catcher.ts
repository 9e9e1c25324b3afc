import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { CaughtMessage } from './caught-message';
import { createCatcherHttpServer } from './catcher-http.server';
import { CaughtStore } from './caught-store';
import { startSmtpListener } from './smtp-listener';

export interface MailCatcherOptions {
  /** 0 picks a free port; the real one is reported back. */
  smtpPort: number;
  httpPort: number;
  /** Loopback only: the catcher has no authentication. */
  host?: string;
  /** How many mails are kept; older ones fall off. Default 500. */
  capacity?: number;
}

export interface MailCatcher {
  smtpPort: number;
  httpPort: number;
  /** The web page listing the caught mail. */
  url: string;
  /** Caught mail, newest first. */
  messages(): CaughtMessage[];
  clear(): void;
  /** Resolves with the first mail (already caught or arriving) that matches, or rejects after `timeoutMs`. */
  waitForMessage(match: (message: CaughtMessage) => boolean, timeoutMs?: number): Promise<CaughtMessage>;
  stop(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error('The mail catcher listens on loopback only (127.0.0.1, ::1 or localhost).');
  const store = new CaughtStore<CaughtMessage>(options.capacity ?? 500, 'No matching mail arrived');
  const smtp = await startSmtpListener(store, host, options.smtpPort);
  const http = createCatcherHttpServer(store);
  try {
    http.listen(options.httpPort, host);
    await Promise.race([once(http, 'listening'), once(http, 'error').then(([error]) => Promise.reject(error as Error))]);
  } catch (error) {
    await smtp.close();
    throw error;
  }
  const httpPort = (http.address() as AddressInfo).port;
  const urlHost = host === '::1' ? '[::1]' : host;

  return {
    smtpPort: smtp.port,
    httpPort,
    url: `http://${urlHost}:${httpPort}/`,
    messages: () => store.list(),
    clear: () => store.clear(),
    waitForMessage: (match, timeoutMs = 10_000) => store.waitFor(match, timeoutMs),
    async stop() {
      http.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => http.close(() => resolve())), smtp.close()]);
    },
  };
}
