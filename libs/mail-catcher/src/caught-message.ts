/** One attachment of a caught mail; inline images carry the Content-ID the HTML refers to. */
export interface CaughtAttachment {
  filename: string;
  contentType: string;
  size: number;
  /** Content-ID without angle brackets, for `cid:` references; absent for regular attachments. */
  contentId?: string;
  inline: boolean;
  content: Buffer;
}

export interface CaughtMessage {
  id: string;
  receivedAt: string;
  /** The From header as written, e.g. `"Acme" <no-reply@acme.example>`. */
  from: string;
  /** Addresses of the To header (or the envelope recipients when the header has none). */
  to: string[];
  envelope: { from: string; to: string[] };
  subject: string;
  messageId?: string;
  html?: string;
  text?: string;
  attachments: CaughtAttachment[];
}

/** The JSON shape of `GET /api/messages` entries. */
export interface CaughtMessageSummary {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  attachments: { filename: string; contentType: string; size: number; contentId?: string; inline: boolean }[];
}

export function summarize(message: CaughtMessage): CaughtMessageSummary {
  return {
    id: message.id,
    receivedAt: message.receivedAt,
    from: message.from,
    to: message.to,
    subject: message.subject,
    attachments: message.attachments.map(({ filename, contentType, size, contentId, inline }) => ({
      filename,
      contentType,
      size,
      ...(contentId === undefined ? {} : { contentId }),
      inline,
    })),
  };
}
