import type { AppointmentView, BookingMailView } from './booking-mail.view';
import { textFooter } from './mail-layout.mjml';

/** The plain-text alternative: the same content, readable in any client and by screen readers. */
export function bookingMailText(view: BookingMailView): string {
  const lines: string[] = [view.heading, '', view.greeting, '', view.intro];
  if (view.reason) lines.push('', `${view.texts.reasonLabel}: ${view.reason}`);
  for (const section of view.sections) {
    lines.push('', section.heading, '-'.repeat(section.heading.length));
    for (const appointment of section.appointments) lines.push(...appointmentLines(appointment, view), '');
    lines.pop();
  }
  if (view.note) lines.push('', view.note);
  if (view.showCheckIn) lines.push('', `${view.texts.bookingCodeLabel}: ${view.bookingCode}`, view.texts.checkInHelp);
  if (view.showBringAlong) lines.push('', view.texts.bringAlong);
  if (view.showCalendarNote) lines.push('', view.texts.calendarAttached);
  lines.push('', view.action.help, view.action.url, '', ...textFooter(view.tenant, view.texts.automatic));
  return `${lines.join('\n')}\n`;
}

function appointmentLines(appointment: AppointmentView, view: BookingMailView): string[] {
  const status = appointment.cancelled ? ` (${view.texts.cancelledTag})` : '';
  return [
    `${appointment.label}${status}`,
    `  ${appointment.when.date}, ${view.texts.time(appointment.when)}`,
    `  ${appointment.siteName}`,
    `  ${appointment.siteAddress}`,
  ];
}
