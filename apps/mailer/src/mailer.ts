import { MAIL_LOCALES, MAIL_TEMPLATES } from '@vaccinate/mail-contracts';
import type { DestinationStream } from 'pino';
import type { MailerConfig } from './config/mailer-config';
import { DeliveredKeys } from './delivery/delivered-keys';
import { MailDeliveryService } from './delivery/mail-delivery.service';
import { createMailerHttpServer } from './http/mailer-http.server';
import { createMailerLogger } from './logging/mailer-logger';
import { createMailProvider } from './providers/create-mail-provider';
import type { MailProvider } from './providers/mail-provider';
import { renderMail } from './templates/mail-renderer';
import { warmUpMessage } from './templates/warm-up.message';

export interface RunningMailer {
  port: number;
  url: string;
  /** Stops taking requests, lets running ones finish, closes provider connections. */
  stop(): Promise<void>;
}

export interface StartMailerOptions {
  /** Log destination (tests capture it); stdout by default. */
  logDestination?: DestinationStream;
  /** Replaces the provider built from the configuration (tests). */
  provider?: MailProvider;
}

export async function startMailer(config: MailerConfig, options: StartMailerOptions = {}): Promise<RunningMailer> {
  const logger = createMailerLogger(config.logLevel, options.logDestination);
  const provider = options.provider ?? createMailProvider(config);
  const delivery = new MailDeliveryService(provider, config.from.address);
  const http = createMailerHttpServer({
    delivery,
    deliveredKeys: new DeliveredKeys(),
    fromAddress: config.from.address,
    logger,
    apiKey: config.apiKey,
    rateLimitPerMinute: config.rateLimitPerMinute,
  });

  await http.app.listen({ port: config.port, host: config.host });
  for (const template of MAIL_TEMPLATES) for (const locale of MAIL_LOCALES) await renderMail(warmUpMessage(template, locale));
  http.setReady(true);

  const address = http.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, provider: provider.name, authenticated: config.apiKey !== null }, 'mailer ready');
  return {
    port,
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    async stop() {
      http.setReady(false);
      await http.app.close();
      await provider.close();
    },
  };
}
