import type { CertificateMailView } from './certificate-mail.view';
import { escapeHtml as e } from './escape.util';
import { actionMjml, mailFrameMjml, textFooter } from './mail-layout.mjml';

/** The MJML source of the certificate mail. Every value from the request is escaped here. */
export function certificateMailMjml(view: CertificateMailView): string {
  const content = `<mj-text><p style="margin:0 0 12px;">${e(view.greeting)}</p><p style="margin:0;">${e(view.intro)}</p></mj-text>
        <mj-text>${e(view.texts.howTo)}</mj-text>
        ${actionMjml(view.tenant.branding, { url: view.url, label: view.texts.button, help: view.texts.linkHelp, note: `${view.validUntil} ${view.texts.privacy}` })}`;
  return mailFrameMjml({ locale: view.locale, subject: view.subject, heading: view.heading, tenant: view.tenant, automatic: view.automatic }, content);
}

/** The plain-text alternative. */
export function certificateMailText(view: CertificateMailView): string {
  const lines = [view.heading, '', view.greeting, '', view.intro, '', view.texts.howTo, '', view.url, '', view.validUntil, view.texts.privacy];
  lines.push('', ...textFooter(view.tenant, view.automatic));
  return `${lines.join('\n')}\n`;
}
