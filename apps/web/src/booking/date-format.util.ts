/**
 * Appointment dates and times in the person's language. Times are shown in the browser's time
 * zone, which for people booking at their workplace is the site's.
 */
export function formatTime(isoDateTime: string, locale: string): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** A calendar date (YYYY-MM-DD) with its weekday; UTC so no time zone moves the day. */
export function formatDay(isoDate: string, locale: string, style: 'long' | 'short' = 'long'): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** The date of an appointment in the browser's time zone, as YYYY-MM-DD. */
export function localDateOf(isoDateTime: string): string {
  const date = new Date(isoDateTime);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Date, weekday and time span of an appointment. */
export function formatAppointment(startsAt: string, endsAt: string, locale: string): string {
  return `${formatDay(localDateOf(startsAt), locale)}, ${formatTime(startsAt, locale)}–${formatTime(endsAt, locale)}`;
}
