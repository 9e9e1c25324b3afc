import { describe, expect, it } from 'vitest';
import { TransliterationError, transliterateIcao } from './icao-transliteration';

describe('transliterateIcao', () => {
  it.each([
    // From the official CO3 test vector and the DCC schema examples.
    ['Musterfrau-Gößinger', 'MUSTERFRAU<GOESSINGER'],
    ['Gabriele', 'GABRIELE'],
    ["d'Červenková Panklová", 'DCERVENKOVA<PANKLOVA'],
    ['Jiřina-Maria Alena', 'JIRINA<MARIA<ALENA'],
    ['Smith-Jones', 'SMITH<JONES'],
    ['Charles Edward', 'CHARLES<EDWARD'],
  ])('standardises %j as %j', (name, expected) => {
    expect(transliterateIcao(name)).toBe(expected);
  });

  it.each([
    ['Müller', 'MUELLER'],
    ['Åse Ødegård', 'AASE<OEDEGAARD'],
    ['Łukasz Wałęsa', 'LUKASZ<WALESA'],
    ['François', 'FRANCOIS'],
    ['Þórður', 'THORDUR'],
    ['Иванов', 'IVANOV'],
    ['Щукин', 'SHCHUKIN'],
    ['Юлия', 'IULIIA'],
    ['Παπαδόπουλος', 'PAPADOPOULOS'],
  ])('uses the ICAO tables: %j -> %j', (name, expected) => {
    expect(transliterateIcao(name)).toBe(expected);
  });

  it('collapses separators and trims fillers at the ends', () => {
    expect(transliterateIcao('  van  der   Berg - Smit ')).toBe('VAN<DER<BERG<SMIT');
  });

  it('limits the result to 80 characters from [A-Z<]', () => {
    const result = transliterateIcao('Abcdefghij '.repeat(12));
    expect(result.length).toBeLessThanOrEqual(80);
    expect(result).toMatch(/^[A-Z<]*[A-Z]$/);
  });

  it('refuses scripts it has no table for instead of guessing', () => {
    expect(() => transliterateIcao('محمد')).toThrow(TransliterationError);
    expect(() => transliterateIcao('山田')).toThrow(TransliterationError);
  });
});
