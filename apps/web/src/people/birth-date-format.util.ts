/** Formats an ISO date (YYYY-MM-DD) as a calendar date, in UTC so no time zone shifts the day. */
export function formatBirthDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
