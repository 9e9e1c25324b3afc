import { describe, expect, it } from 'vitest';
import { canonicalName, canonicalPersonalData, isIsoDate } from './personal-data';

describe('canonicalName', () => {
  it.each([
    ['Gößinger', 'gossinger'],
    ['GOSSINGER', 'gossinger'],
    ['  José   María ', 'jose maria'],
    ['Ｍüｌｌｅｒ', 'muller'],
    ['Łukasz', 'łukasz'],
    ['Anne-Marie\tO’Neil', 'anne-marie o’neil'],
    ['Ǆemal', 'dzemal'],
  ])('%j -> %j', (name, canonical) => {
    expect(canonicalName(name)).toBe(canonical);
  });
});

describe('canonicalPersonalData', () => {
  it('cannot be confused by moving text between fields', () => {
    const a = canonicalPersonalData({ familyName: 'Anna Maria', givenName: 'Berg', birthDate: '1990-01-01' });
    const b = canonicalPersonalData({ familyName: 'Anna', givenName: 'Maria Berg', birthDate: '1990-01-01' });
    expect(a).not.toBe(b);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1999-02-29')).toBe(false);
    expect(isIsoDate('26.02.1998')).toBe(false);
  });
});
