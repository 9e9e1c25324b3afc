import { AlgorithmTypes } from '@vonage/auth';
import { Vonage } from '@vonage/server-sdk';
import type { SmsConfig } from '../../../config/api-config';
import { callbackUrl, SMS_TIMEOUT_MS } from './sms-status';
import type { SentSms, SmsMessage, SmsSender } from './sms-sender';

type VonageConfig = Extract<SmsConfig, { provider: 'vonage' }>;

/** Vonage's SMS API through its SDK; delivery receipts come back signed with the account's signature secret. */
export class VonageSmsSender implements SmsSender {
  private readonly vonage: Vonage;

  constructor(
    private readonly config: VonageConfig,
    private readonly publicUrl: string,
  ) {
    this.vonage = new Vonage(
      { apiKey: config.apiKey, apiSecret: config.apiSecret },
      { timeout: SMS_TIMEOUT_MS, ...(config.baseUrl ? { restHost: config.baseUrl } : {}) },
    );
  }

  async send(message: SmsMessage): Promise<SentSms> {
    const sent = await this.vonage.sms.send({
      // Vonage takes numbers without the plus.
      to: message.to.replace(/^\+/, ''),
      from: this.config.from.replace(/^\+/, ''),
      text: message.text,
      // Echoed in the receipt as client-ref: it finds the offer even before the answer's message id is stored.
      clientRef: message.reference,
      callback: callbackUrl(this.publicUrl, 'vonage'),
    });
    const messageId = sent.messages[0]?.messageId;
    if (!messageId) throw new Error('Vonage answered without a message id');
    return { provider: 'vonage', messageId };
  }
}

/** A delivery receipt signed with the account's signature secret (its `sig` over the other fields), by HMAC-SHA256 as chosen for the account. */
export function vonageSignatureValid(config: VonageConfig, fields: Record<string, string>): boolean {
  const verifier = new Vonage({ apiKey: config.apiKey, apiSecret: config.apiSecret });
  return verifier.sms.verifySignature(fields['sig'] ?? '', fields, config.signatureSecret, AlgorithmTypes.sha256hmac);
}

/**
 * How far a receipt's signing time (its signed `timestamp`) may lie from now: a receipt recorded on
 * the way and posted again later is refused, however valid its signature.
 */
export const VONAGE_RECEIPT_MAX_AGE_SECONDS = 300;

export function vonageReceiptFresh(fields: Record<string, string>, now = Date.now()): boolean {
  const signedAt = fields['timestamp'] ?? '';
  if (!/^\d{1,12}$/.test(signedAt)) return false;
  return Math.abs(now / 1000 - Number(signedAt)) <= VONAGE_RECEIPT_MAX_AGE_SECONDS;
}
