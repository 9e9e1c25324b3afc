import { escapeHtml as e } from './escape.util';
import { actionMjml, mailFrameMjml, MUTED_COLOR, textFooter } from './mail-layout.mjml';
import type { RegistrationMailView } from './registration-mail.view';

/** The MJML source of the registration mail. Every value from the request is escaped here. */
export function registrationMailMjml(view: RegistrationMailView): string {
  const content = `<mj-text><p style="margin:0 0 12px;">${e(view.greeting)}</p><p style="margin:0;">${e(view.intro)} ${e(view.texts.nextSteps)}</p></mj-text>
        <mj-text><p style="margin:0;font-size:14px;color:${MUTED_COLOR};">${e(view.texts.codeLabel)}</p><p style="margin:0;font-size:26px;font-weight:700;letter-spacing:2px;font-family:Menlo,Consolas,monospace;">${e(view.trackingCode)}</p></mj-text>
        <mj-text>${e(view.texts.keepCode)}</mj-text>
        ${actionMjml(view.tenant.branding, { url: view.url, label: view.texts.button, help: view.texts.linkHelp })}`;
  return mailFrameMjml({ locale: view.locale, subject: view.subject, heading: view.texts.heading, tenant: view.tenant, automatic: view.automatic }, content);
}

/** The plain-text alternative. */
export function registrationMailText(view: RegistrationMailView): string {
  const lines = [
    view.texts.heading,
    '',
    view.greeting,
    '',
    `${view.intro} ${view.texts.nextSteps}`,
    '',
    `${view.texts.codeLabel}: ${view.trackingCode}`,
    view.texts.keepCode,
  ];
  lines.push('', view.texts.statusHelp, view.url, '', ...textFooter(view.tenant, view.automatic));
  return `${lines.join('\n')}\n`;
}
