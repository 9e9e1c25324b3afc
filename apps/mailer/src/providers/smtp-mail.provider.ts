import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { MailProviderError, type MailProvider, type OutgoingMail } from './mail-provider';

/** SMTP through nodemailer with a small connection pool, so a burst of outbox deliveries reuses connections. */
export class SmtpMailProvider implements MailProvider {
  readonly name = 'smtp';
  private readonly transport: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;

  constructor(smtpUrl: string) {
    this.transport = createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: 5,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    try {
      const info = await this.transport.sendMail({
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: [
          ...mail.inlineImages.map((image) => ({
            filename: image.filename,
            contentType: image.contentType,
            content: image.content,
            cid: image.contentId,
            contentDisposition: 'inline' as const,
          })),
          ...mail.attachments.map((attachment) => ({
            filename: attachment.filename,
            contentType: attachment.contentType,
            content: attachment.content,
          })),
        ],
      });
      return { messageId: info.messageId };
    } catch (error) {
      throw smtpFailure(error);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/** A 5xx reply is a permanent refusal; everything else (4xx, refused connection, timeout) may pass later. */
function smtpFailure(error: unknown): MailProviderError {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  if (typeof responseCode === 'number') return new MailProviderError(responseCode < 500, `smtp ${responseCode}`);
  return new MailProviderError(true, `smtp ${typeof code === 'string' ? code : 'error'}`);
}
