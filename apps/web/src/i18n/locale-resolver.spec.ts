import { describe, expect, it } from 'vitest';
import { de } from './locales/de';
import { en } from './locales/en';
import { resolveLocale } from './locale-resolver';

describe('resolveLocale', () => {
  it('prefers an earlier choice, then the browser, then the tenant default', () => {
    expect(resolveLocale({ stored: 'de', browserLanguages: ['en-US'], fallback: 'en' })).toBe('de');
    expect(resolveLocale({ stored: null, browserLanguages: ['fr-FR', 'de-AT', 'en'], fallback: 'en' })).toBe('de');
    expect(resolveLocale({ stored: 'fr', browserLanguages: ['it'], fallback: 'de' })).toBe('de');
  });
});

function keysOf(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('translations', () => {
  it('have the same keys in German and English, none left empty', () => {
    expect(keysOf(de).sort()).toEqual(keysOf(en).sort());
    for (const messages of [en, de]) {
      expect(keysOf(messages).filter((key) => !key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages))).toEqual([]);
    }
  });
});
