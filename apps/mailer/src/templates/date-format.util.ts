import type { MailAppointment, MailLocale } from '@vaccinate/mail-contracts';

const LOCALE_TAGS: Record<MailLocale, string> = { de: 'de-DE', en: 'en-GB' };

export interface AppointmentWhen {
  /** e.g. "Dienstag, 3. März 2026" / "Tuesday 3 March 2026" */
  date: string;
  /** e.g. "09:00" */
  startTime: string;
  endTime: string;
}

/** Dates are shown in the tenant's zone, never the server's: a pod runs in UTC. */
export function appointmentWhen(appointment: MailAppointment, locale: MailLocale, timeZone: string): AppointmentWhen {
  const tag = LOCALE_TAGS[locale];
  const date = new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone });
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  return {
    date: date.format(new Date(appointment.startsAt)),
    startTime: time.format(new Date(appointment.startsAt)),
    endTime: time.format(new Date(appointment.endsAt)),
  };
}
