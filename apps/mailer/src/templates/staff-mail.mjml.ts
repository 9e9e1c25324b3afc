import { escapeHtml as e } from './escape.util';
import { actionMjml, mailFrameMjml, MUTED_COLOR, textFooter } from './mail-layout.mjml';
import type { StaffMailView } from './staff-mail.view';

/** The MJML source of the invitation and password reset mails. Every value from the request is escaped here. */
export function staffMailMjml(view: StaffMailView): string {
  const content = `<mj-text><p style="margin:0 0 12px;">${e(view.greeting)}</p><p style="margin:0;">${e(view.intro)}</p></mj-text>
        ${actionMjml(view.tenant.branding, { url: view.url, label: view.texts.button, help: view.texts.linkHelp, note: view.validUntil })}
        <mj-text font-size="14px" color="${MUTED_COLOR}">${e(view.texts.notYou)}</mj-text>`;
  return mailFrameMjml({ locale: view.locale, subject: view.subject, heading: view.texts.heading, tenant: view.tenant, automatic: view.automatic }, content);
}

/** The plain-text alternative. */
export function staffMailText(view: StaffMailView): string {
  const lines = [view.texts.heading, '', view.greeting, '', view.intro, '', view.url, view.validUntil, '', view.texts.notYou];
  lines.push('', ...textFooter(view.tenant, view.automatic));
  return `${lines.join('\n')}\n`;
}
