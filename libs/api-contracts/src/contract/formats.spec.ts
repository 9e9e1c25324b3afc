import { describe, expect, it } from 'vitest';
import { countryCallingCodeOf, isIsoDate, isIsoDateTime, isPhoneRegion, isPlausibleBirthDate, normalizePhoneNumber } from './formats';

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

describe('isIsoDate', () => {
  it('takes days that exist and Postgres can store, nothing else', () => {
    expect(['2024-02-29', '0001-01-01', '9999-12-31'].filter(isIsoDate)).toHaveLength(3);
    expect(['2023-02-29', '2023-02-30', '2023-13-01', '0000-01-01', '2023-1-01', ' 2023-01-01'].filter(isIsoDate)).toEqual([]);
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

describe('normalizePhoneNumber', () => {
  it.each([
    ['0664 1234567', 'AT', '+436641234567'],
    ['0664 1234567', 'DE', '+496641234567'], // the same digits, another country's number
    ['079 123 45 67', 'CH', '+41791234567'],
    ['030 1234567', 'DE', '+49301234567'],
    [' +41 79 123 45 67 ', 'AT', '+41791234567'],
  ])('%s in %s -> %s', (typed, region, expected) => {
    expect(normalizePhoneNumber(typed, region)).toBe(expected);
  });

  it('reads a national number in no country without a region, or with one it does not know', () => {
    expect(normalizePhoneNumber('0664 1234567')).toBe('0664 1234567');
    expect(normalizePhoneNumber('0664 1234567', 'XX')).toBe('0664 1234567');
    expect(normalizePhoneNumber('+43 664 1234567')).toBe('+436641234567');
  });
});

describe('isPhoneRegion', () => {
  it.each([
    ['AT', true],
    ['CH', true],
    ['DE', true],
    ['de', false],
    ['DE-BE', false],
    ['XX', false],
  ])('%s -> %s', (code, expected) => {
    expect(isPhoneRegion(code)).toBe(expected);
  });
});

describe('countryCallingCodeOf', () => {
  it('gives the code a number of the region begins with, and none for an unknown region', () => {
    expect([countryCallingCodeOf('AT'), countryCallingCodeOf('CH'), countryCallingCodeOf('DE'), countryCallingCodeOf('XX')]).toEqual(['+43', '+41', '+49', null]);
  });
});
