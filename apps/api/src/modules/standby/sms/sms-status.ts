import type { SmsStatus } from '../standby-offer.entity';

/** Texts go one after another after a wave: a provider that hangs must not hold the wave's job. */
export const SMS_TIMEOUT_MS = 10_000;

/** Where status callbacks come back to, under PUBLIC_URL; Twilio signs this exact URL, its query too. */
export const SMS_CALLBACK_PATHS = { twilio: '/api/sms/twilio/status', vonage: '/api/sms/vonage/receipts' } as const;

/**
 * The callback URL given with a send. Twilio's carries the offer id (`?offer=`): its callback names
 * only the message id, which the API learns from the send's answer, and the report can come first.
 */
export function callbackUrl(publicUrl: string, provider: keyof typeof SMS_CALLBACK_PATHS, offerId?: string): string {
  const url = `${publicUrl}${SMS_CALLBACK_PATHS[provider]}`;
  return offerId === undefined ? url : `${url}?offer=${encodeURIComponent(offerId)}`;
}

/** Twilio's MessageStatus; the steps before the handset (queued, sending, sent) all read as sent. */
export function twilioStatus(status: string): SmsStatus | null {
  if (status === 'delivered' || status === 'read') return 'delivered';
  if (status === 'undelivered' || status === 'failed' || status === 'canceled') return 'failed';
  if (status === 'queued' || status === 'accepted' || status === 'sending' || status === 'sent') return 'sent';
  return null;
}

/** A Vonage delivery receipt's status; `unknown` changes nothing. */
export function vonageStatus(status: string): SmsStatus | null {
  if (status === 'delivered') return 'delivered';
  if (status === 'failed' || status === 'rejected' || status === 'expired') return 'failed';
  if (status === 'accepted' || status === 'buffered') return 'sent';
  return null;
}
