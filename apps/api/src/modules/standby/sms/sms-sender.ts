import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../../app-logger.token';

export interface SmsMessage {
  /** E.164. */
  to: string;
  text: string;
  /** The offer's id: names the message in logs and at the provider, never the number or the text. */
  reference: string;
}

/** What the provider took: its id of the message, which its status callbacks name. */
export interface SentSms {
  provider: 'twilio' | 'vonage';
  messageId: string;
}

/** Sends a short text message; each provider is one class behind this token. */
export interface SmsSender {
  /** Null when nothing left this process (the log provider). */
  send(message: SmsMessage): Promise<SentSms | null>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

/** Local and test provider: logs that a message would go out, never the number or the text (it carries a link token). */
@Injectable()
export class LogSmsSender implements SmsSender {
  constructor(@Inject(APP_LOGGER) private readonly logger: Logger) {}

  async send(message: SmsMessage): Promise<null> {
    this.logger.info({ sms: { reference: message.reference, length: message.text.length } }, 'sms handed to the log provider');
    return null;
  }
}
