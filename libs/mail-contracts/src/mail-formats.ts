import { FormatRegistry } from '@sinclair/typebox';

/** The formats only mail requests use, known to the compiled checks of the API and the mailer alike. */
export const MAIL_FORMAT = { httpUrl: 'http-url', timeZone: 'iana-time-zone', fragmentLink: 'fragment-link' } as const;

function httpUrl(value: string): URL | null {
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
}

// A tenant has one zone: what Intl knows is remembered, so a check costs a set lookup after the first.
const knownTimeZones = new Set<string>();

function isTimeZone(value: string): boolean {
  if (knownTimeZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    return false;
  }
  knownTimeZones.add(value);
  return true;
}

const checks: Record<(typeof MAIL_FORMAT)[keyof typeof MAIL_FORMAT], (value: string) => boolean> = {
  'http-url': (value) => httpUrl(value) !== null,
  'iana-time-zone': isTimeZone,
  // A link whose secret is in the fragment (never sent to a server or logged), not in the query.
  'fragment-link': (value) => {
    const url = httpUrl(value);
    return url !== null && url.search === '' && url.hash.length > 1;
  },
};

for (const [name, check] of Object.entries(checks)) if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, check);
