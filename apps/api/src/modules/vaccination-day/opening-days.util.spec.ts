import { describe, expect, it } from 'vitest';
import { openingWeekdays, weekdayOfDate } from './opening-days.util';

describe('opening weekdays', () => {
  it('reads ranges and lists in English and German', () => {
    expect(openingWeekdays('Mon–Fri 08:00–12:00')).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(openingWeekdays('Di, Do 8-12')).toEqual(new Set([2, 4]));
    expect(openingWeekdays('Mo bis Fr 8-12; Sa 9-12')).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(openingWeekdays('Fri-Mon')).toEqual(new Set([5, 6, 7, 1]));
  });

  it('says nothing when the text names no weekday', () => {
    expect(openingWeekdays('08:00–12:00, by appointment')).toBeNull();
  });

  it('knows the weekday of a date', () => {
    expect(weekdayOfDate('2027-01-01')).toBe(5);
    expect(weekdayOfDate('2026-12-06')).toBe(7);
  });
});
