import { describe, expect, it } from 'vitest';
import { DCC_VACCINES } from './dcc-vaccines';
import { doseNumbering } from './dose-numbering';
import { exampleFiles, readStandardsJson } from './test-support/standards';

const primarySeries: Record<string, number> = {
  janssen: DCC_VACCINES.jcovden.primarySeriesDoses,
  moderna: DCC_VACCINES.spikevax.primarySeriesDoses,
};

/** `standard_case_<dn>-of-<sd>-<product>-<product>...json`: the name states the expected numbering. */
const cases = exampleFiles().flatMap((file) => {
  const match = /^standard_case_(\d+)-of-(\d+)-([a-z-]+)\.json$/.exec(file);
  if (!match) return [];
  // The dose count is the name's first number: upstream names list the products inconsistently.
  const first = match[3]!.split('-')[0]!;
  return [{ file, dn: Number(match[1]), sd: Number(match[2]), first }];
});

describe('doseNumbering against the schema examples', () => {
  it('finds the dose-numbering examples, boosters included', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    expect(cases.some((c) => c.dn > c.sd)).toBe(true);
  });

  it.each(cases)('$file', ({ file, dn, sd, first }) => {
    const numbering = doseNumbering(dn, primarySeries[first]!);
    expect(numbering).toEqual({ dn, sd });
    const entry = readStandardsJson<{ v: { dn: number; sd: number }[] }>(`examples/${file}`).v[0]!;
    // Upstream, the Janssen booster files (2-of-1 and up) hold a copy of the 1-of-2 example, so
    // only the file name states their numbering; every other file's content must agree.
    if (!(first === 'janssen' && dn > 1)) expect({ dn: entry.dn, sd: entry.sd }).toEqual(numbering);
  });
});

describe('doseNumbering rules', () => {
  it('counts within the primary series, then boosters per the series length', () => {
    expect(doseNumbering(1, 2)).toEqual({ dn: 1, sd: 2 });
    expect(doseNumbering(2, 2)).toEqual({ dn: 2, sd: 2 });
    expect(doseNumbering(3, 2)).toEqual({ dn: 3, sd: 3 });
    expect(doseNumbering(1, 1)).toEqual({ dn: 1, sd: 1 });
    expect(doseNumbering(2, 1)).toEqual({ dn: 2, sd: 1 });
    expect(doseNumbering(5, 3)).toEqual({ dn: 5, sd: 5 });
  });

  it('refuses non-positive or fractional numbers', () => {
    expect(() => doseNumbering(0, 2)).toThrow(RangeError);
    expect(() => doseNumbering(1.5, 2)).toThrow(RangeError);
    expect(() => doseNumbering(1, 0)).toThrow(RangeError);
  });
});
