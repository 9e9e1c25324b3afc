import { describe, expect, it } from 'vitest';
import { calendarWeeks, mondayOf, stepAnchor } from './calendar.util';

describe('calendar', () => {
  it('shows every week touching the month, Monday first', () => {
    const weeks = calendarWeeks('2027-02-17', 'month');
    expect(weeks).toHaveLength(4);
    expect(weeks[0]?.[0]).toBe('2027-02-01');
    expect(weeks[3]?.[6]).toBe('2027-02-28');
    const may = calendarWeeks('2027-05-01', 'month');
    expect(may[0]?.[0]).toBe('2027-04-26');
    expect(may.at(-1)?.[6]).toBe('2027-06-06');
  });

  it('shows one week from its Monday', () => {
    expect(calendarWeeks('2027-05-06', 'week')).toEqual([['2027-05-03', '2027-05-04', '2027-05-05', '2027-05-06', '2027-05-07', '2027-05-08', '2027-05-09']]);
    expect(mondayOf('2027-05-09')).toBe('2027-05-03');
  });

  it('steps by a month or a week', () => {
    expect(stepAnchor('2027-01-31', 'month', 1)).toBe('2027-02-01');
    expect(stepAnchor('2027-01-15', 'month', -1)).toBe('2026-12-01');
    expect(stepAnchor('2027-05-06', 'week', 1)).toBe('2027-05-13');
  });
});
