export type SmsProvider = 'twilio' | 'vonage';

/** A text message one of the provider fakes accepted, and what the catcher reported back about it. */
export interface CaughtText {
  id: string;
  provider: SmsProvider;
  /** The provider's id of the message (Twilio's SID, Vonage's message-id): its status callbacks name it. */
  messageId: string;
  /** Twilio's account SID or Vonage's API key the message was sent with. */
  account: string;
  receivedAt: string;
  /** E.164 with the plus, whichever way the provider takes it (Vonage without). */
  to: string;
  from: string;
  text: string;
  /** Where the provider was asked to report delivery: Twilio's StatusCallback, Vonage's callback. */
  callbackUrl: string;
  /** Vonage's client-ref: the sender's own name of the message. */
  reference?: string;
  /** The last status reported to the callback URL and the HTTP status it was answered with (0: not reachable); null before any. */
  delivery: { status: string; answer: number } | null;
}

/** A status callback as the provider posts it, and the answer it got. */
export interface CallbackAnswer {
  status: number;
  contentType: string;
  body: string;
}
