import { describe, expect, it } from 'vitest';
import { UvciError, generateUvci, isValidUvci, uvciCheckCharacter } from './uvci';

describe('UVCI check character (Luhn mod N)', () => {
  // Issued Swedish UVCIs quoted in the ehn-dcc tooling documentation.
  it.each([
    ['URN:UVCI:01:SE:EHM/C878/123456789ABC', 'B'],
    ['URN:UVCI:01:SE:EHM/V12907267LAJW', 'E'],
  ])('computes the check character of %s as %s', (body, check) => {
    expect(uvciCheckCharacter(body)).toBe(check);
    expect(isValidUvci(`${body}#${check}`)).toBe(true);
  });

  it('refuses any other check character for a known UVCI', () => {
    const body = 'URN:UVCI:01:SE:EHM/V12907267LAJW';
    for (const wrong of 'ABCDFGHIJKLMNOPQRSTUVWXYZ0123456789/:') {
      expect(isValidUvci(`${body}#${wrong}`)).toBe(false);
    }
  });

  it('detects every single-character substitution and adjacent transposition', () => {
    const uvci = generateUvci({ country: 'DE', issuingEntity: 'ACME', unique: 'X7Q2LM9' });
    const hash = uvci.indexOf('#');
    for (let i = 'URN:UVCI:01:DE:'.length; i < hash; i += 1) {
      const swapped = uvci.slice(0, i) + (uvci[i] === 'Z' ? 'Y' : 'Z') + uvci.slice(i + 1);
      expect(isValidUvci(swapped), swapped).toBe(false);
      if (i + 1 < hash && uvci[i] !== uvci[i + 1] && uvci[i] !== '/' && uvci[i + 1] !== '/') {
        const transposed = uvci.slice(0, i) + uvci[i + 1] + uvci[i] + uvci.slice(i + 2);
        expect(isValidUvci(transposed), transposed).toBe(false);
      }
    }
  });
});

describe('generateUvci', () => {
  it('builds URN:UVCI:01:<country>:<unique>#<check>', () => {
    const uvci = generateUvci({ country: 'de', issuingEntity: 'ACME', unique: 'ABC123' });
    expect(uvci).toMatch(/^URN:UVCI:01:DE:ACME\/ABC123#[A-Z0-9/:]$/);
    expect(isValidUvci(uvci)).toBe(true);
  });

  it('draws a fresh random unique part each time', () => {
    const a = generateUvci({ country: 'DE' });
    const b = generateUvci({ country: 'DE' });
    expect(a).not.toBe(b);
    expect(isValidUvci(a) && isValidUvci(b)).toBe(true);
  });

  it('refuses a bad country, characters outside the set and over-long identifiers', () => {
    expect(() => generateUvci({ country: 'DEU' })).toThrow(UvciError);
    expect(() => generateUvci({ country: 'DE', unique: 'abc' })).toThrow(UvciError);
    expect(() => generateUvci({ country: 'DE', unique: 'A'.repeat(70) })).toThrow(UvciError);
  });

  it('does not accept identifiers without a check character', () => {
    expect(isValidUvci('URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813')).toBe(false);
  });
});
