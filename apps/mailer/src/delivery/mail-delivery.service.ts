import type { ValidSendMailRequest } from '@vaccinate/mail-contracts';
import { MailProviderError, type MailProvider } from '../providers/mail-provider';
import { renderMail } from '../templates/mail-renderer';
import { MailerException, MailerProblemCode } from './mailer.exception';

/** Renders a validated message and hands it to the provider. */
export class MailDeliveryService {
  constructor(
    private readonly provider: MailProvider,
    private readonly fromAddress: string,
  ) {}

  get providerName(): string {
    return this.provider.name;
  }

  /** `messageId` names the message in its Message-ID header, so a copy sent twice is recognisable as one. */
  async deliver(request: ValidSendMailRequest, messageId?: string): Promise<{ messageId: string }> {
    const rendered = await renderMail(request);
    try {
      return await this.provider.send({
        ...(messageId ? { messageId } : {}),
        // Recipients know their employer, not the platform: the sender name is the tenant's.
        from: { name: request.tenant.displayName, address: this.fromAddress },
        to: { name: request.to.name, address: request.to.email },
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        inlineImages: rendered.inlineImages,
        attachments: (request.attachments ?? []).map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: Buffer.from(attachment.contentBase64, 'base64'),
        })),
      });
    } catch (error) {
      if (!(error instanceof MailProviderError)) throw error;
      throw new MailerException(
        error.retryable ? MailerProblemCode.ProviderUnavailable : MailerProblemCode.ProviderRejected,
        error.retryable ? 'The mail provider is not available; try again later.' : 'The mail provider refused the message.',
        undefined,
        error.detail,
      );
    }
  }
}
