import type { AppointmentView, BookingMailView } from './booking-mail.view';
import { escapeHtml as e } from './escape.util';
import { actionMjml, mailFrameMjml } from './mail-layout.mjml';

/** The MJML source of a booking mail. Every value from the request is escaped here. */
export function bookingMailMjml(view: BookingMailView, qrContentId: string | null): string {
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

  const content = `<mj-text><p style="margin:0 0 12px;">${e(view.greeting)}</p><p style="margin:0;">${e(view.intro)}</p>${reason}</mj-text>
        ${sections}
        ${checkIn}
        ${notes}
        ${actionMjml(view.tenant.branding, view.action)}`;
  return mailFrameMjml({ locale: view.locale, subject: view.subject, heading: view.heading, tenant: view.tenant, automatic: view.texts.automatic }, content);
}

function appointmentMjml(appointment: AppointmentView, view: BookingMailView): string {
  const status = appointment.cancelled ? ` <span style="color:#a4262c;">(${e(view.texts.cancelledTag)})</span>` : '';
  const when = `${e(appointment.when.date)}<br />${e(view.texts.time(appointment.when))}`;
  const body = appointment.cancelled ? `<s>${when}</s>` : `<strong>${when}</strong>`;
  return `<mj-text><p style="margin:0;"><strong>${e(appointment.label)}</strong>${status}<br />${body}<br />${e(appointment.siteName)}<br />${e(appointment.siteAddress)}</p></mj-text>`;
}
