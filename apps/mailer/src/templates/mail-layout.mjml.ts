import type { MailTenant } from '@vaccinate/mail-contracts';
import { linkColorOnWhite, readableTextOn } from './color-contrast.util';
import { escapeHtml as e } from './escape.util';

const TEXT_COLOR = '#1b1b1b';
export const MUTED_COLOR = '#4a4f57';

/** The colours a mail's parts take from the tenant's branding, each readable on its background. */
export function mailColours(branding: MailTenant['branding']): { onAccent: string; linkStyle: string } {
  return { onAccent: readableTextOn(branding.accentColor), linkStyle: `color:${linkColorOnWhite(branding.accentColor)};text-decoration:underline;` };
}

/**
 * The mail's one call to action, and the same address written out for clients that hide buttons;
 * `note` (small print about the action) goes between them.
 */
export function actionMjml(branding: MailTenant['branding'], action: { url: string; label: string; help: string; note?: string }): string {
  const { onAccent, linkStyle } = mailColours(branding);
  const note = action.note ? `\n        <mj-text font-size="14px" color="${MUTED_COLOR}">${e(action.note)}</mj-text>` : '';
  return `<mj-button href="${e(action.url)}" background-color="${branding.accentColor}" color="${onAccent}" font-size="16px" font-weight="700" border-radius="6px" padding="20px 0 8px">${e(action.label)}</mj-button>${note}
        <mj-text font-size="14px" color="${MUTED_COLOR}">${e(action.help)}<br /><a href="${e(action.url)}" style="${linkStyle}word-break:break-all;">${e(action.url)}</a></mj-text>`;
}

export interface MailFrame {
  locale: string;
  subject: string;
  heading: string;
  tenant: Pick<MailTenant, 'branding' | 'displayName' | 'publicUrl'>;
  /** "This mail was sent automatically…" in the mail's language. */
  automatic: string;
}

/**
 * Every mail's frame: head, the tenant's header (logo or name), the heading, and the footer with the
 * tenant's address. `content` is MJML whose values the caller escaped.
 */
export function mailFrameMjml(frame: MailFrame, content: string): string {
  const { branding, displayName, publicUrl } = frame.tenant;
  const { linkStyle } = mailColours(branding);
  const header = branding.logoUrl
    ? `<mj-image src="${e(branding.logoUrl)}" alt="${e(displayName)}" width="180px" align="left" padding="0" />`
    : `<mj-text color="${readableTextOn(branding.primaryColor)}" font-size="22px" font-weight="700" padding="0">${e(displayName)}</mj-text>`;
  return `<mjml lang="${frame.locale}">
  <mj-head>
    <mj-title>${e(frame.subject)}</mj-title>
    <mj-preview>${e(frame.heading)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="${TEXT_COLOR}" padding="8px 0" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f5f7" width="600px">
    <mj-section background-color="${branding.primaryColor}" padding="20px 24px">
      <mj-column>${header}</mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text padding-top="0"><h1 style="font-size:24px;line-height:1.3;margin:0;">${e(frame.heading)}</h1></mj-text>
        ${content}
      </mj-column>
    </mj-section>
    <mj-section padding="16px 24px">
      <mj-column>
        <mj-text font-size="13px" color="${MUTED_COLOR}">${e(displayName)} · <a href="${e(publicUrl)}" style="${linkStyle}">${e(publicUrl)}</a><br />${e(frame.automatic)}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

/** The plain-text footer every mail ends with. */
export function textFooter(tenant: Pick<MailTenant, 'displayName' | 'publicUrl'>, automatic: string): string[] {
  return ['--', `${tenant.displayName} · ${tenant.publicUrl}`, automatic];
}
