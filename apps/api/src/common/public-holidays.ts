import Holidays from 'date-holidays';

/** A public holiday: its date (YYYY-MM-DD) and its name in English. */
export interface PublicHoliday {
  date: string;
  name: string;
}

const calendars = new Map<string, Map<number, Map<string, string>>>();

function parts(region: string): [string, string | undefined] {
  const [country = '', state] = region.split('-');
  return [country, state];
}

/** Whether the holidays of `DE` or `DE-BE` are known (the check of the tenant's configuration). */
export function isHolidayRegion(region: string): boolean {
  const [country, state] = parts(region.toUpperCase());
  const known = new Holidays().getCountries();
  if (!known[country]) return false;
  return state === undefined || Boolean(new Holidays().getStates(country)?.[state]);
}

/** The region's public holidays in a year, by date; computed once per region and year. */
function holidaysOf(region: string, year: number): Map<string, string> {
  let years = calendars.get(region);
  if (!years) calendars.set(region, (years = new Map<number, Map<string, string>>()));
  let days = years.get(year);
  if (!days) {
    const [country, state] = parts(region);
    const calendar = state ? new Holidays(country, state, { languages: ['en'] }) : new Holidays(country, { languages: ['en'] });
    days = new Map(
      (calendar.getHolidays(year) || []).filter((holiday) => holiday.type === 'public').map((holiday) => [holiday.date.slice(0, 10), holiday.name] as const),
    );
    years.set(year, days);
  }
  return days;
}

/** The public holiday on a date in the region, or null. */
export function publicHolidayOn(region: string, date: string): PublicHoliday | null {
  const name = holidaysOf(region, Number(date.slice(0, 4))).get(date);
  return name === undefined ? null : { date, name };
}
