import { linkColorOnWhite, readableTextOn } from './color-contrast.util';
import type { AppointmentView, BookingMailView } from './booking-mail.view';
import { escapeHtml as e } from './escape.util';

const TEXT_COLOR = '#1b1b1b';
const MUTED_COLOR = '#4a4f57';

/** The MJML source of a booking mail. Every value from the request is escaped here. */
export function bookingMailMjml(view: BookingMailView, qrContentId: string | null): string {
  const { branding, displayName, publicUrl } = view.tenant;
  const onPrimary = readableTextOn(branding.primaryColor);
  const onAccent = readableTextOn(branding.accentColor);
  const link = linkColorOnWhite(branding.accentColor);
  const linkStyle = `color:${link};text-decoration:underline;`;

  const header = branding.logoUrl
    ? `<mj-image src="${e(branding.logoUrl)}" alt="${e(displayName)}" width="180px" align="left" padding="0" />`
    : `<mj-text color="${onPrimary}" font-size="22px" font-weight="700" padding="0">${e(displayName)}</mj-text>`;

  const reason = view.reason ? `<p style="margin:12px 0 0;"><strong>${e(view.texts.reasonLabel)}:</strong> ${e(view.reason)}</p>` : '';

  const sections = view.sections
    .map(
      (section) => `
      <mj-text padding-top="20px"><h2 style="font-size:18px;margin:0;">${e(section.heading)}</h2></mj-text>
      ${section.appointments.map((appointment) => appointmentMjml(appointment, view)).join('\n')}`,
    )
    .join('\n');

  const checkIn =
    view.showCheckIn && qrContentId
      ? `
      <mj-divider border-width="1px" border-color="#dde1e6" padding="24px 0 8px" />
      <mj-text align="center"><h2 style="font-size:18px;margin:0 0 8px;">${e(view.texts.checkInHeading)}</h2>${e(view.texts.checkInHelp)}</mj-text>
      <mj-image src="cid:${e(qrContentId)}" alt="${e(view.texts.qrAlt(view.bookingCode))}" width="200px" height="200px" align="center" padding="8px 0" />
      <mj-text align="center" padding-top="0">${e(view.texts.bookingCodeLabel)}:<br /><span style="font-family:'Courier New',Courier,monospace;font-size:26px;font-weight:700;letter-spacing:3px;">${e(view.bookingCode)}</span></mj-text>`
      : '';

  const notes = [view.note ?? null, view.showBringAlong ? view.texts.bringAlong : null, view.showCalendarNote ? view.texts.calendarAttached : null]
    .filter((note): note is string => note !== null)
    .map((note) => `<mj-text>${e(note)}</mj-text>`)
    .join('\n');

  return `<mjml lang="${view.locale}">
  <mj-head>
    <mj-title>${e(view.subject)}</mj-title>
    <mj-preview>${e(view.heading)}</mj-preview>
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
        <mj-text padding-top="0"><h1 style="font-size:24px;line-height:1.3;margin:0;">${e(view.heading)}</h1></mj-text>
        <mj-text><p style="margin:0 0 12px;">${e(view.greeting)}</p><p style="margin:0;">${e(view.intro)}</p>${reason}</mj-text>
        ${sections}
        ${checkIn}
        ${notes}
        <mj-button href="${e(view.action.url)}" background-color="${branding.accentColor}" color="${onAccent}" font-size="16px" font-weight="700" border-radius="6px" padding="20px 0 8px">${e(view.action.label)}</mj-button>
        <mj-text font-size="14px" color="${MUTED_COLOR}">${e(view.action.help)}<br /><a href="${e(view.action.url)}" style="${linkStyle}word-break:break-all;">${e(view.action.url)}</a></mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 24px">
      <mj-column>
        <mj-text font-size="13px" color="${MUTED_COLOR}">${e(displayName)} · <a href="${e(publicUrl)}" style="${linkStyle}">${e(publicUrl)}</a><br />${e(view.texts.automatic)}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

function appointmentMjml(appointment: AppointmentView, view: BookingMailView): string {
  const status = appointment.cancelled ? ` <span style="color:#a4262c;">(${e(view.texts.cancelledTag)})</span>` : '';
  const when = `${e(appointment.when.date)}<br />${e(view.texts.time(appointment.when))}`;
  const body = appointment.cancelled ? `<s>${when}</s>` : `<strong>${when}</strong>`;
  return `<mj-text><p style="margin:0;"><strong>${e(appointment.label)}</strong>${status}<br />${body}<br />${e(appointment.siteName)}<br />${e(appointment.siteAddress)}</p></mj-text>`;
}
