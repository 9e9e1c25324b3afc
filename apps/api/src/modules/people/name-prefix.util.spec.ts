import { describe, expect, it } from 'vitest';
import { namePrefixes, nameWords, searchPrefixes } from './name-prefix.util';

describe('name prefixes', () => {
  it('folds case and diacritics and splits compound names', () => {
    expect(nameWords('Müller-Lüdenscheidt')).toEqual(['muller', 'ludenscheidt']);
    expect(nameWords("Zoë O'Brien")).toEqual(['zoe', 'o', 'brien']);
    expect(nameWords('Straße')).toEqual(['strasse']);
  });

  it('indexes every prefix from two letters, each once', () => {
    expect(namePrefixes('Ada', 'Adams')).toEqual(['ad', 'ada', 'adam', 'adams']);
  });

  it('searches the words typed, ignoring single letters', () => {
    expect(searchPrefixes('  LÖV a ')).toEqual(['lov']);
    expect(searchPrefixes('x')).toEqual([]);
  });
});
