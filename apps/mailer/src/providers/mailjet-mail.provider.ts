import { MailProviderError, type MailProvider, type OutgoingMail } from './mail-provider';

export interface MailjetOptions {
  apiKey: string;
  apiSecret: string;
  /** Injected in tests to point at a local fake; production uses the default. */
  baseUrl?: string;
  timeoutMs?: number;
}

interface MailjetSendResponse {
  Messages?: { Status?: string; To?: { MessageUUID?: string; MessageID?: number | string }[] }[];
}

/** Mailjet's Send API v3.1 over fetch: one message per call, attachments base64-encoded. */
export class MailjetMailProvider implements MailProvider {
  readonly name = 'mailjet';
  private readonly endpoint: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;

  constructor(options: MailjetOptions) {
    this.endpoint = new URL('/v3.1/send', options.baseUrl ?? 'https://api.mailjet.com').toString();
    this.authorization = `Basic ${Buffer.from(`${options.apiKey}:${options.apiSecret}`).toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { authorization: this.authorization, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(mailjetPayload(mail)),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new MailProviderError(true, `mailjet ${(error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable'}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      // 429 and 5xx pass; any other 4xx means Mailjet refuses this message or our credentials.
      throw new MailProviderError(response.status === 429 || response.status >= 500, `mailjet ${response.status}`);
    }
    const body = (await response.json().catch(() => ({}))) as MailjetSendResponse;
    const message = body.Messages?.[0];
    const recipient = message?.To?.[0];
    const messageId = recipient?.MessageUUID ?? (recipient?.MessageID === undefined ? undefined : String(recipient.MessageID));
    if (message?.Status !== 'success' || messageId === undefined) throw new MailProviderError(false, 'mailjet unexpected answer');
    return { messageId };
  }

  async close(): Promise<void> {}
}

export function mailjetPayload(mail: OutgoingMail): { Messages: Record<string, unknown>[] } {
  return {
    Messages: [
      {
        From: { Email: mail.from.address, Name: mail.from.name },
        To: [{ Email: mail.to.address, Name: mail.to.name }],
        Subject: mail.subject,
        TextPart: mail.text,
        HTMLPart: mail.html,
        Attachments: mail.attachments.map((attachment) => ({
          ContentType: attachment.contentType,
          Filename: attachment.filename,
          Base64Content: attachment.content.toString('base64'),
        })),
        InlinedAttachments: mail.inlineImages.map((image) => ({
          ContentType: image.contentType,
          Filename: image.filename,
          ContentID: image.contentId,
          Base64Content: image.content.toString('base64'),
        })),
      },
    ],
  };
}
