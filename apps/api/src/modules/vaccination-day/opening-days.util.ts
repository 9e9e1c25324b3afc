/** ISO weekday numbers, Monday 1 … Sunday 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const WEEKDAY_NAMES: [RegExp, Weekday][] = [
  [/^(mon|monday|mo|montag)$/, 1],
  [/^(tue|tues|tuesday|tu|di|dienstag)$/, 2],
  [/^(wed|wednesday|we|mi|mittwoch)$/, 3],
  [/^(thu|thur|thurs|thursday|th|do|donnerstag)$/, 4],
  [/^(fri|friday|fr|freitag)$/, 5],
  [/^(sat|saturday|sa|samstag)$/, 6],
  [/^(sun|sunday|su|so|sonntag)$/, 7],
];

function weekdayOf(word: string): Weekday | undefined {
  return WEEKDAY_NAMES.find(([pattern]) => pattern.test(word))?.[1];
}

/**
 * The weekdays a site's opening hours name ("Mon–Fri 08:00–12:00", "Di, Do 8-12", "Mo-Fr; Sa 9-12"),
 * ranges included; null when the text names no weekday, so nothing can be said about a date.
 */
export function openingWeekdays(openingHours: string): Set<Weekday> | null {
  const words = openingHours
    .toLowerCase()
    .replace(/\b(to|bis)\b/g, '-')
    .split(/([–—-])|[^a-zäöü–—-]+/)
    .filter((word): word is string => word !== undefined && word !== '');
  const days = new Set<Weekday>();
  for (let i = 0; i < words.length; i++) {
    const day = weekdayOf(words[i] ?? '');
    if (day === undefined) continue;
    const end = /^[–—-]$/.test(words[i + 1] ?? '') ? weekdayOf(words[i + 2] ?? '') : undefined;
    if (end === undefined) {
      days.add(day);
      continue;
    }
    for (let d = day; ; d = ((d % 7) + 1) as Weekday) {
      days.add(d);
      if (d === end) break;
    }
    i += 2;
  }
  return days.size > 0 ? days : null;
}

/** The ISO weekday of a calendar date (YYYY-MM-DD). */
export function weekdayOfDate(date: string): Weekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}
