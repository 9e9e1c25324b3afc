import { FormatRegistry } from '@sinclair/typebox';
import { getCountryCallingCode, isSupportedCountry, isValidPhoneNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// The WHATWG form of `<input type="email">`, with a dot required in the domain as mail providers do.
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A calendar date that exists (no 2023-02-30) and that Postgres can store (no year 0000). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match || match[1] === '0000') return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** An ISO 8601 date-time with its offset, on a day that exists (JavaScript's Date takes 2023-02-30 for March 2). */
export function isIsoDateTime(value: string): boolean {
  return ISO_DATE_TIME.test(value) && isIsoDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

/** An ISO date that exists, is not in the future and not before 1900. */
export function isPlausibleBirthDate(value: string, today = new Date()): boolean {
  return isIsoDate(value) && value >= '1900-01-01' && value <= today.toISOString().slice(0, 10);
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** An ISO 3166-1 alpha-2 country whose national numbers can be read (`AT`, `CH`, `DE`): a tenant's phone region. */
export function isPhoneRegion(code: string): code is CountryCode {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);
}

/** `AT` -> `+43`: how a number of the region begins when written with its country code. */
export function countryCallingCodeOf(region: string): string | null {
  return isPhoneRegion(region) ? `+${getCountryCallingCode(region)}` : null;
}

/**
 * A number as typed, in E.164 when it reads as a real one; otherwise trimmed, for the check to refuse.
 * A number without a country code is read in `region`, the tenant's country; without a region only
 * numbers with a country code are read. E.164 has no extension: a number typed with one is refused
 * rather than stored without it.
 */
export function normalizePhoneNumber(text: string, region?: string): string {
  const parsed = parsePhoneNumberFromString(text.trim(), region !== undefined && isPhoneRegion(region) ? region : undefined);
  return parsed?.isValid() && !parsed.ext ? parsed.number : text.trim();
}

/** The formats the contracts use, known to every compiled validator (API and web alike). */
export const FORMATS = {
  date: isIsoDate,
  'birth-date': (value: string) => isPlausibleBirthDate(value),
  'date-time': isIsoDateTime,
  'date-or-date-time': (value: string) => isIsoDate(value) || isIsoDateTime(value),
  'phone-e164': (value: string) => E164.test(value) && isValidPhoneNumber(value),
  email: (value: string) => value.length <= 254 && EMAIL.test(value),
  uuid: (value: string) => UUID.test(value),
  // An annotation for clients (a password input), not a rule.
  password: () => true,
} as const;

for (const [name, check] of Object.entries(FORMATS)) if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, check);
