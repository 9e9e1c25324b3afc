import Twilio from 'twilio';
import type { SmsConfig } from '../../../config/api-config';
import { callbackUrl, SMS_TIMEOUT_MS } from './sms-status';
import type { SentSms, SmsMessage, SmsSender } from './sms-sender';

type TwilioConfig = Extract<SmsConfig, { provider: 'twilio' }>;

/** Twilio's Programmable Messaging through its SDK; delivery comes back to the status callback. */
export class TwilioSmsSender implements SmsSender {
  private readonly client: Twilio.Twilio;

  constructor(
    private readonly config: TwilioConfig,
    private readonly publicUrl: string,
  ) {
    // A failed send is reported, not retried here: the offer expires before retries would help.
    this.client = Twilio(config.accountSid, config.authToken, { autoRetry: false, timeout: SMS_TIMEOUT_MS });
    if (config.baseUrl) this.client.api.baseUrl = config.baseUrl;
  }

  async send(message: SmsMessage): Promise<SentSms> {
    const sent = await this.client.messages.create({
      to: message.to,
      from: this.config.from,
      body: message.text,
      statusCallback: callbackUrl(this.publicUrl, 'twilio', message.reference),
    });
    return { provider: 'twilio', messageId: sent.sid };
  }
}

/**
 * Twilio signs the callback URL it was given (with the offer id in it, for texts sent since it is
 * given) and every form field with the account's auth token (HMAC-SHA1).
 */
export function twilioSignatureValid(config: TwilioConfig, publicUrl: string, signature: string, fields: Record<string, string>, offerId?: string): boolean {
  return Twilio.validateRequest(config.authToken, signature, callbackUrl(publicUrl, 'twilio', offerId), fields);
}
