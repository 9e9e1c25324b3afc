import type { BookingMailTemplate } from '@vaccinate/mail-contracts';
import type { OutboxPayload } from '../outbox/outbox.repository';
import type { BookingView } from './booking-view';
import { calendarFile } from './ics-calendar';

const SUMMARY = {
  de: (product: string, dose: number) => `Impfung (Dosis ${dose}): ${product}`,
  en: (product: string, dose: number) => `Vaccination (dose ${dose}): ${product}`,
};

export function manageUrl(publicUrl: string, token: string): string {
  // The token travels in the fragment: browsers never send it to a server or put it in logs.
  return `${publicUrl}/booking/manage#${token}`;
}

/** The booking's appointments as an .ics file. */
export function bookingCalendar(view: BookingView, publicUrl: string): string {
  const host = new URL(publicUrl).host;
  return calendarFile(
    view.appointments.map((appointment) => ({
      uid: `${appointment.id}@${host}`,
      startsAt: new Date(appointment.startsAt),
      endsAt: new Date(appointment.endsAt),
      summary: SUMMARY[view.locale](view.product.name, appointment.doseNumber),
      location: `${appointment.site.name}, ${appointment.site.street}, ${appointment.site.postalCode} ${appointment.site.city}`,
      description: `${view.code}\n${manageUrl(publicUrl, view.manageToken)}`,
      cancelled: view.status === 'cancelled' || appointment.status === 'cancelled',
    })),
  );
}

/**
 * What a person gets after a visit on site (a walk-in, or a next dose booked at check-out): what was
 * done and what is still ahead, with a calendar file of the appointments after this visit only.
 */
export function visitSummaryMail(view: BookingView, publicUrl: string, visitedAppointmentId: string): OutboxPayload {
  const visited = view.appointments.find((appointment) => appointment.id === visitedAppointmentId);
  const ahead = view.appointments.filter(
    (appointment) => appointment.status === 'booked' && appointment.id !== visitedAppointmentId && (!visited || appointment.startsAt > visited.startsAt),
  );
  const mail = bookingMail('visit-summary', view, publicUrl);
  if (ahead.length === 0) return mail;
  return {
    ...mail,
    attachments: [
      {
        filename: 'vaccination.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        contentBase64: Buffer.from(bookingCalendar({ ...view, appointments: ahead }, publicUrl)).toString('base64'),
      },
    ],
  };
}

/** The outbox message telling the person about their booking. */
export function bookingMail(template: BookingMailTemplate, view: BookingView, publicUrl: string, reason?: string): OutboxPayload {
  const withCalendar = template === 'booking-confirmation' || template === 'booking-changed';
  return {
    template,
    locale: view.locale,
    to: { email: view.person.email, name: `${view.person.givenName} ${view.person.familyName}` },
    data: {
      bookingCode: view.code,
      productName: view.product.name,
      appointments: view.appointments.map((appointment) => ({
        doseNumber: appointment.doseNumber,
        startsAt: appointment.startsAt,
        endsAt: appointment.endsAt,
        siteName: appointment.site.name,
        siteAddress: `${appointment.site.street}, ${appointment.site.postalCode} ${appointment.site.city}`,
        status: appointment.status,
      })),
      manageUrl: manageUrl(publicUrl, view.manageToken),
      ...(reason ? { reason } : {}),
    },
    ...(withCalendar
      ? {
          attachments: [
            {
              filename: 'vaccination.ics',
              contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
              contentBase64: Buffer.from(bookingCalendar(view, publicUrl)).toString('base64'),
            },
          ],
        }
      : {}),
  };
}
