import { describe, expect, it } from 'vitest';
import { weekdayOfDate } from '../modules/vaccination-day/opening-days.util';
import { demoDayDates } from './demo-catalogue';

describe('demo days', () => {
  it.each(['2026-12-25', '2026-12-27', '2026-12-30', '2027-03-24', '2027-04-28'])('fall on distinct working days when seeded on %s', (today) => {
    const dates = demoDayDates(today, 'DE-BE');
    expect(new Set(dates).size).toBe(dates.length);
    for (const date of dates) expect(weekdayOfDate(date)).toBeLessThanOrEqual(5);
    for (const holiday of ['2027-01-01', '2026-12-25', '2026-12-26', '2027-03-26', '2027-03-29', '2027-05-01', '2027-05-06']) expect(dates).not.toContain(holiday);
  });

  it('moves a day off New Year and off a Sunday', () => {
    // 2026-12-30 + 2 is New Year's Day (a Friday); + 4 is a Sunday.
    expect(demoDayDates('2026-12-30', 'DE').slice(0, 2)).toEqual(['2027-01-04', '2027-01-05']);
  });
});
