import { describe, expect, it } from 'vitest';
import { isIsoDateTime, isPlausibleBirthDate } from './formats';

describe('isPlausibleBirthDate', () => {
  const today = new Date('2026-11-23T12:00:00Z');
  it.each([
    ['1990-12-10', true],
    ['2000-02-29', true],
    ['2026-11-23', true],
    ['2026-11-24', false],
    ['1899-12-31', false],
    ['2001-02-29', false],
    ['1990-13-01', false],
    ['10.12.1990', false],
  ])('%s -> %s', (value, expected) => {
    expect(isPlausibleBirthDate(value, today)).toBe(expected);
  });
});

describe('isIsoDateTime', () => {
  it.each([
    ['2026-03-02T09:15:00Z', true],
    ['2026-03-02T09:15:00.123+01:00', true],
    ['2023-02-30T00:00:00Z', false],
    ['2026-03-02T24:00:00Z', false],
    ['2026-03-02T09:15:00', false],
    ['2026-03-02', false],
  ])('%s -> %s', (value, expected) => {
    expect(isIsoDateTime(value)).toBe(expected);
  });
});
