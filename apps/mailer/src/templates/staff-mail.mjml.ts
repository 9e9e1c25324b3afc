import { linkColorOnWhite, readableTextOn } from './color-contrast.util';
import { escapeHtml as e } from './escape.util';
import type { StaffMailView } from './staff-mail.view';

const TEXT_COLOR = '#1b1b1b';
const MUTED_COLOR = '#4a4f57';

/** The MJML source of the invitation and password reset mails. Every value from the request is escaped here. */
export function staffMailMjml(view: StaffMailView): string {
  const { branding, displayName, publicUrl } = view.tenant;
  const onPrimary = readableTextOn(branding.primaryColor);
  const onAccent = readableTextOn(branding.accentColor);
  const linkStyle = `color:${linkColorOnWhite(branding.accentColor)};text-decoration:underline;`;
  const header = branding.logoUrl
    ? `<mj-image src="${e(branding.logoUrl)}" alt="${e(displayName)}" width="180px" align="left" padding="0" />`
    : `<mj-text color="${onPrimary}" font-size="22px" font-weight="700" padding="0">${e(displayName)}</mj-text>`;
  return `<mjml lang="${view.locale}">
  <mj-head>
    <mj-title>${e(view.subject)}</mj-title>
    <mj-preview>${e(view.texts.heading)}</mj-preview>
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
        <mj-text padding-top="0"><h1 style="font-size:24px;line-height:1.3;margin:0;">${e(view.texts.heading)}</h1></mj-text>
        <mj-text><p style="margin:0 0 12px;">${e(view.greeting)}</p><p style="margin:0;">${e(view.intro)}</p></mj-text>
        <mj-button href="${e(view.url)}" background-color="${branding.accentColor}" color="${onAccent}" font-size="16px" font-weight="700" border-radius="6px" padding="20px 0 8px">${e(view.texts.button)}</mj-button>
        <mj-text>${e(view.validUntil)}</mj-text>
        <mj-text font-size="14px" color="${MUTED_COLOR}">${e(view.texts.linkHelp)}<br /><a href="${e(view.url)}" style="${linkStyle}word-break:break-all;">${e(view.url)}</a></mj-text>
        <mj-text font-size="14px" color="${MUTED_COLOR}">${e(view.texts.notYou)}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 24px">
      <mj-column>
        <mj-text font-size="13px" color="${MUTED_COLOR}">${e(displayName)} · <a href="${e(publicUrl)}" style="${linkStyle}">${e(publicUrl)}</a><br />${e(view.automatic)}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

/** The plain-text alternative. */
export function staffMailText(view: StaffMailView): string {
  const lines = [view.texts.heading, '', view.greeting, '', view.intro, '', view.url, view.validUntil, '', view.texts.notYou];
  lines.push('', '--', `${view.tenant.displayName} · ${view.tenant.publicUrl}`, view.automatic);
  return `${lines.join('\n')}\n`;
}
