export type CalendarView = 'month' | 'week';

/** A calendar date (YYYY-MM-DD) moved by whole days, in UTC so no time zone shifts it. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the week a date is in. */
export function mondayOf(isoDate: string): string {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return addDays(isoDate, -((weekday + 6) % 7));
}

/** The weeks (Monday to Sunday) a view shows around a date: the one week, or every week touching its month. */
export function calendarWeeks(anchor: string, view: CalendarView): string[][] {
  const first = view === 'week' ? mondayOf(anchor) : mondayOf(`${anchor.slice(0, 7)}-01`);
  const month = anchor.slice(0, 7);
  const weeks: string[][] = [];
  for (let monday = first; weeks.length === 0 || (view === 'month' && monday.slice(0, 7) <= month && weeks.length < 6); monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
    if (view === 'week') break;
  }
  return weeks;
}

/** The date a step back or on shows: a month or a week. */
export function stepAnchor(anchor: string, view: CalendarView, step: -1 | 1): string {
  if (view === 'week') return addDays(anchor, 7 * step);
  const date = new Date(`${anchor.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + step);
  return date.toISOString().slice(0, 10);
}
