import { describe, expect, it } from 'vitest';
import { addDays, ageOn, daysBetween } from './calendar-date';
import { ageEligibility, firstDoseNumberOf, followUpWindow, isWithin, needsFollowUpReservation, scheduleProblems, type DoseScheduleProduct } from './dose-schedule';

const comirnaty: DoseScheduleProduct = {
  primaryDoses: 2,
  followUpIntervals: [{ dose: 2, minDays: 21, recommendedDays: 21, maxDays: 42 }],
  boosterMinDaysAfterSeries: 90,
  minAgeYears: 12,
  maxAgeYears: null,
};
const jcovden: DoseScheduleProduct = { ...comirnaty, primaryDoses: 1, followUpIntervals: [], minAgeYears: 18 };

describe('calendar dates', () => {
  it('adds days across month, leap day and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-20', 21)).toBe('2027-01-10');
    expect(daysBetween('2026-03-01', '2026-03-29')).toBe(28);
  });

  it('counts completed years, the birthday itself included', () => {
    expect(ageOn('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageOn('2008-06-15', '2026-06-15')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });
});

describe('dose schedule', () => {
  it('gives the follow-up window from the previous dose', () => {
    const window = followUpWindow(comirnaty, 2, '2026-12-01');
    expect(window).toEqual({ earliest: '2026-12-22', recommended: '2026-12-22', latest: '2027-01-12' });
    expect(isWithin(window, '2026-12-21')).toBe(false);
    expect(isWithin(window, '2027-01-12')).toBe(true);
    expect(() => followUpWindow(jcovden, 2, '2026-12-01')).toThrow(RangeError);
  });

  it('numbers doses and knows when a follow-up must be reserved', () => {
    expect(firstDoseNumberOf('first', comirnaty)).toBe(1);
    expect(firstDoseNumberOf('followUp', comirnaty)).toBe(2);
    expect(firstDoseNumberOf('booster', comirnaty)).toBe(3);
    expect(firstDoseNumberOf('booster', jcovden)).toBe(2);
    expect(needsFollowUpReservation('first', comirnaty)).toBe(true);
    expect(needsFollowUpReservation('first', jcovden)).toBe(false);
    expect(needsFollowUpReservation('booster', comirnaty)).toBe(false);
  });

  it('checks age limits on the vaccination date', () => {
    expect(ageEligibility(jcovden, '2008-12-10', '2026-12-09')).toEqual({ eligible: false, reason: 'too_young', limitYears: 18 });
    expect(ageEligibility(jcovden, '2008-12-10', '2026-12-10')).toEqual({ eligible: true });
    expect(ageEligibility({ ...comirnaty, maxAgeYears: 59 }, '1960-01-01', '2026-12-10')).toMatchObject({ reason: 'too_old' });
  });

  it('finds inconsistent schedules', () => {
    expect(scheduleProblems(comirnaty)).toEqual([]);
    expect(scheduleProblems({ ...comirnaty, followUpIntervals: [] }).map((p) => p.field)).toEqual(['followUpIntervals']);
    expect(scheduleProblems({ ...comirnaty, followUpIntervals: [{ dose: 2, minDays: 30, recommendedDays: 21, maxDays: 42 }] })).toEqual([
      { field: 'followUpIntervals.0', message: 'must satisfy 1 <= minDays <= recommendedDays <= maxDays' },
    ]);
  });
});
