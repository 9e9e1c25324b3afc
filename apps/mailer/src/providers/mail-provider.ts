import type { InlineImage } from '../templates/mail-renderer';

export interface MailAddress {
  name: string;
  address: string;
}

export interface FileAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A rendered message ready for a provider. */
export interface OutgoingMail {
  /** The Message-ID header, `<id@domain>`; the provider makes one up when absent. */
  messageId?: string;
  from: MailAddress;
  to: MailAddress;
  subject: string;
  html: string;
  text: string;
  attachments: FileAttachment[];
  inlineImages: InlineImage[];
}

export interface MailProvider {
  readonly name: 'smtp' | 'mailjet';
  /** Resolves with the provider's id for the accepted message; rejects with a MailProviderError. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): Promise<void>;
}

/**
 * A provider failure. `detail` is safe to log: a code or status, never the provider's message,
 * which can quote the recipient's address.
 */
export class MailProviderError extends Error {
  constructor(
    readonly retryable: boolean,
    readonly detail: string,
  ) {
    super(`Mail provider failed (${detail})`);
    this.name = 'MailProviderError';
  }
}
