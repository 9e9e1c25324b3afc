/**
 * Appointment dates and times in the person's language: the one place that formats them. Times
 * are shown in the tenant's time zone when the API names one (`PublicCatalogue.timeZone`), else in
 * the browser's, which for people booking at their workplace is usually the site's.
 * `timeZone` undefined always means "the browser's zone".
 */

/** Whether the runtime knows this IANA zone; an unknown one would make Intl throw a RangeError. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function zoneOption(timeZone: string | undefined): Pick<Intl.DateTimeFormatOptions, 'timeZone'> {
  return timeZone ? { timeZone } : {};
}

export function formatTime(isoDateTime: string, locale: string, timeZone?: string): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zoneOption(timeZone) }).format(date);
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

/** The calendar date of an instant in the given zone (the browser's when none), as YYYY-MM-DD. */
export function localDateOf(isoDateTime: string, timeZone?: string): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime.slice(0, 10);
  // en-CA writes dates as YYYY-MM-DD; the parts are read by type so the order never matters.
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...zoneOption(timeZone) }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Date, weekday and time span of an appointment. */
export function formatAppointment(startsAt: string, endsAt: string, locale: string, timeZone?: string): string {
  return `${formatDay(localDateOf(startsAt, timeZone), locale)}, ${formatTime(startsAt, locale, timeZone)}–${formatTime(endsAt, locale, timeZone)}`;
}

/** A moment such as when a message was queued: short date and time. */
export function formatDateTime(isoDateTime: string, locale: string, timeZone?: string): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', ...zoneOption(timeZone) }).format(date);
}
