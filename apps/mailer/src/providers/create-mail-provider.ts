import type { MailerConfig } from '../config/mailer-config';
import type { MailProvider } from './mail-provider';
import { MailjetMailProvider } from './mailjet-mail.provider';
import { SmtpMailProvider } from './smtp-mail.provider';

export function createMailProvider(config: MailerConfig): MailProvider {
  if (config.provider === 'mailjet' && config.mailjet) return new MailjetMailProvider(config.mailjet);
  return new SmtpMailProvider(config.smtpUrl);
}
