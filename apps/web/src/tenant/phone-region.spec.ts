import { describe, expect, it } from 'vitest';
import { describeFieldProblem } from '../shared/api/error-message';
import { createI18n } from '../i18n/i18n';
import { applyPhoneRegion, countryName, tenantPhoneRegion } from './phone-region';

const refused = { field: 'phone', message: 'must be a phone number that exists', rule: 'format:phone-e164' };

describe("the sentence about a refused phone number names the tenant's country", () => {
  it.each([
    ['AT', 'de', 'Bitte geben Sie eine Telefonnummer ein, die es gibt, mit Ländervorwahl (etwa +43 …), wenn es keine Nummer aus dem Land Österreich ist.'],
    ['AT', 'en', 'Please enter a phone number that exists, with its country code (e.g. +43 …) when it is not a number from Austria.'],
    ['CH', 'de', 'Bitte geben Sie eine Telefonnummer ein, die es gibt, mit Ländervorwahl (etwa +41 …), wenn es keine Nummer aus dem Land Schweiz ist.'],
    ['DE', 'en', 'Please enter a phone number that exists, with its country code (e.g. +49 …) when it is not a number from Germany.'],
  ] as const)('%s in %s', (region, language, sentence) => {
    const previous = tenantPhoneRegion();
    applyPhoneRegion(region);
    try {
      expect(describeFieldProblem(refused, createI18n(language).t)).toBe(sentence);
    } finally {
      applyPhoneRegion(previous);
    }
  });

  it('names a country the runtime does not know by its code', () => {
    expect(countryName('AT', 'de')).toBe('Österreich');
    expect(countryName('XX', 'en')).toBe('XX');
  });
});
