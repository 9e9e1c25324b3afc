import { describe, expect, it } from 'vitest';
import { doseKindOf, nextDoseAfter, nextDoseNumber } from './dose-history';
import type { DoseScheduleProduct } from './dose-schedule';

const twoDoses: DoseScheduleProduct = {
  primaryDoses: 2,
  followUpIntervals: [{ dose: 2, minDays: 21, recommendedDays: 21, maxDays: 42 }],
  boosterMinDaysAfterSeries: 90,
  minAgeYears: 12,
  maxAgeYears: null,
};
const oneDose: DoseScheduleProduct = { ...twoDoses, primaryDoses: 1, followUpIntervals: [], boosterMinDaysAfterSeries: null };

describe('nextDoseNumber', () => {
  it('is 1 for a person without doses', () => {
    expect(nextDoseNumber([])).toBe(1);
  });

  it('follows the highest dose given, not the count of doses', () => {
    expect(nextDoseNumber([{ doseNumber: 2, date: '2026-01-10' }])).toBe(3);
    expect(
      nextDoseNumber([
        { doseNumber: 1, date: '2026-01-10' },
        { doseNumber: 2, date: '2026-02-01' },
      ]),
    ).toBe(3);
  });
});

describe('doseKindOf', () => {
  it('names first, follow-up and booster doses from the primary series length', () => {
    expect(doseKindOf(1, twoDoses)).toBe('first');
    expect(doseKindOf(2, twoDoses)).toBe('followUp');
    expect(doseKindOf(3, twoDoses)).toBe('booster');
    expect(doseKindOf(2, oneDose)).toBe('booster');
  });
});

describe('nextDoseAfter', () => {
  it('gives the follow-up window inside the primary series', () => {
    expect(nextDoseAfter(twoDoses, { doseNumber: 1, date: '2026-03-01' })).toEqual({
      doseNumber: 2,
      kind: 'followUp',
      window: { earliest: '2026-03-22', recommended: '2026-03-22', latest: '2026-04-12' },
    });
  });

  it('offers a booster after the series when the product has one', () => {
    expect(nextDoseAfter(twoDoses, { doseNumber: 2, date: '2026-03-01' })).toMatchObject({ doseNumber: 3, kind: 'booster', window: { earliest: '2026-05-30' } });
  });

  it('offers nothing after a booster or after a single-dose series without booster', () => {
    expect(nextDoseAfter(twoDoses, { doseNumber: 3, date: '2026-03-01' })).toBeNull();
    expect(nextDoseAfter(oneDose, { doseNumber: 1, date: '2026-03-01' })).toBeNull();
  });
});
