import type { BookingMailTemplate, MailAppointment, ValidBookingMailRequest } from '@vaccinate/mail-contracts';
import { appointmentWhen, type AppointmentWhen } from './date-format.util';
import { TEXTS, type LocaleTexts } from './template-texts';

export interface AppointmentView {
  label: string;
  cancelled: boolean;
  when: AppointmentWhen;
  siteName: string;
  siteAddress: string;
}

/** Everything a booking mail shows, already in the recipient's language and time zone. */
export interface BookingMailView {
  template: BookingMailTemplate;
  locale: 'de' | 'en';
  texts: LocaleTexts;
  subject: string;
  heading: string;
  greeting: string;
  intro: string;
  reason?: string;
  /** Sections of appointments, each with a heading. */
  sections: { heading: string; appointments: AppointmentView[] }[];
  /** Check-in QR and booking code (not in cancellations). */
  showCheckIn: boolean;
  showCalendarNote: boolean;
  showBringAlong: boolean;
  /** A note in place of appointments (the visit summary with nothing booked after it). */
  note?: string;
  action: { label: string; help: string; url: string };
  bookingCode: string;
  tenant: ValidBookingMailRequest['tenant'];
}

const CHECK_IN_TEMPLATES: ReadonlySet<BookingMailTemplate> = new Set(['booking-confirmation', 'booking-changed', 'appointment-reminder']);

export function buildBookingMailView(request: ValidBookingMailRequest, now: Date): BookingMailView {
  const { template, locale, tenant, data } = request;
  const texts = TEXTS[locale];
  const view = (appointment: MailAppointment): AppointmentView => ({
    label: texts.dose(appointment.doseNumber),
    cancelled: appointment.status === 'cancelled',
    when: appointmentWhen(appointment, locale, tenant.timeZone),
    siteName: appointment.siteName,
    siteAddress: appointment.siteAddress,
  });
  const ordered = [...data.appointments].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const booked = ordered.filter((appointment) => appointment.status === 'booked');
  const cancelled = ordered.filter((appointment) => appointment.status === 'cancelled');
  // The reminder is about the next booked appointment still ahead.
  const next = booked.find((appointment) => Date.parse(appointment.startsAt) > now.getTime()) ?? booked[0] ?? ordered[0];
  if (!next) throw new Error('A booking mail needs at least one appointment');
  const context = {
    tenant: tenant.displayName,
    productName: data.productName,
    bookingCode: data.bookingCode,
    next: appointmentWhen(next, locale, tenant.timeZone),
  };
  const templateTexts = texts.templates[template];

  // The visit summary lists what is still ahead: the person has just been vaccinated in the room.
  const ahead = booked.filter((appointment) => Date.parse(appointment.startsAt) > now.getTime());
  const sections =
    template === 'booking-cancelled'
      ? [
          { heading: texts.cancelledHeading, appointments: cancelled.map(view) },
          { heading: texts.stillBookedHeading, appointments: booked.map(view) },
        ]
      : template === 'visit-summary'
        ? [{ heading: texts.nextAppointmentHeading, appointments: ahead.map(view) }]
        : [{ heading: texts.appointmentsHeading, appointments: ordered.map(view) }];
  const hasCalendarFile = (request.attachments ?? []).some(
    (attachment) => attachment.contentType.toLowerCase().startsWith('text/calendar') || attachment.filename.toLowerCase().endsWith('.ics'),
  );
  const rebook = template === 'booking-cancelled' && booked.length === 0;

  return {
    template,
    locale,
    texts,
    subject: templateTexts.subject(context),
    heading: templateTexts.heading,
    greeting: texts.greeting(request.to.name),
    intro: templateTexts.intro(context),
    ...(data.reason === undefined ? {} : { reason: data.reason }),
    sections: sections.filter((section) => section.appointments.length > 0),
    showCheckIn: CHECK_IN_TEMPLATES.has(template) || (template === 'visit-summary' && ahead.length > 0),
    ...(template === 'visit-summary' && ahead.length === 0 ? { note: texts.noNextAppointment } : {}),
    showCalendarNote: hasCalendarFile && template !== 'booking-cancelled',
    showBringAlong: template === 'appointment-reminder',
    action: rebook
      ? { label: texts.rebookButton, help: texts.rebookHelp, url: tenant.publicUrl }
      : template === 'standby-offer'
        ? { label: texts.standbyButton, help: texts.standbyHelp, url: data.manageUrl }
        : { label: texts.manageButton, help: texts.manageHelp, url: data.manageUrl },
    bookingCode: data.bookingCode,
    tenant,
  };
}
