import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';

/** Sends a short text message; a provider (Twilio, MessageBird, ...) is one class behind this token. */
export interface SmsSender {
  send(message: { to: string; text: string; reference: string }): Promise<void>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

/** Local and test provider: logs that a message would go out, never the number or the text (it carries a link token). */
@Injectable()
export class LogSmsSender implements SmsSender {
  constructor(@Inject(APP_LOGGER) private readonly logger: Logger) {}

  async send(message: { to: string; text: string; reference: string }): Promise<void> {
    this.logger.info({ sms: { reference: message.reference, length: message.text.length } }, 'sms handed to the log provider');
  }
}
