import { Vonage } from '@vonage/server-sdk';
import type { SmsConfig } from '../../../config/api-config';
import { callbackUrl } from './sms-status';
import type { SentSms, SmsMessage, SmsSender } from './sms-sender';

type VonageConfig = Extract<SmsConfig, { provider: 'vonage' }>;

/** Vonage's SMS API through its SDK; delivery receipts come back signed with the account's signature secret. */
export class VonageSmsSender implements SmsSender {
  private readonly vonage: Vonage;

  constructor(
    private readonly config: VonageConfig,
    private readonly publicUrl: string,
  ) {
    this.vonage = new Vonage({ apiKey: config.apiKey, apiSecret: config.apiSecret }, config.baseUrl ? { restHost: config.baseUrl } : {});
  }

  async send(message: SmsMessage): Promise<SentSms> {
    const sent = await this.vonage.sms.send({
      // Vonage takes numbers without the plus.
      to: message.to.replace(/^\+/, ''),
      from: this.config.from.replace(/^\+/, ''),
      text: message.text,
      clientRef: message.reference,
      callback: callbackUrl(this.publicUrl, 'vonage'),
    });
    const messageId = sent.messages[0]?.messageId;
    if (!messageId) throw new Error('Vonage answered without a message id');
    return { provider: 'vonage', messageId };
  }
}

type SignatureAlgorithm = Parameters<Vonage['sms']['verifySignature']>[3];
/** The signing method chosen in the Vonage dashboard for the account: HMAC-SHA256. */
const SHA256_HMAC = 'SHA256HMAC' as SignatureAlgorithm;

/** A delivery receipt signed with the account's signature secret (its `sig` over the other fields). */
export function vonageSignatureValid(config: VonageConfig, fields: Record<string, string>): boolean {
  const verifier = new Vonage({ apiKey: config.apiKey, apiSecret: config.apiSecret });
  return verifier.sms.verifySignature(fields['sig'] ?? '', fields, config.signatureSecret, SHA256_HMAC);
}
