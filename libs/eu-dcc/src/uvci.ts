import { randomInt } from 'node:crypto';

/** The UVCI character set of the eHN guidelines (Annex 2); Luhn mod N runs over these code points. */
const CODE_POINTS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/:';
const UNIQUE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const UVCI_PATTERN = /^URN:UVCI:01:([A-Z]{2}):([A-Z0-9/:]+)#([A-Z0-9/:])$/;
/** `ci` is limited to 80 characters by the DCC schema. */
const MAX_LENGTH = 80;

export class UvciError extends Error {
  override readonly name = 'UvciError';
}

function codePoint(char: string): number {
  const index = CODE_POINTS.indexOf(char);
  if (index < 0) throw new UvciError(`character ${JSON.stringify(char)} is not in the UVCI character set`);
  return index;
}

/** Luhn mod N sum, walking from the right; `factor` is 2 when generating, 1 when validating. */
function luhnModN(text: string, initialFactor: 1 | 2): number {
  const n = CODE_POINTS.length;
  let factor = initialFactor;
  let total = 0;
  for (let i = text.length - 1; i >= 0; i -= 1) {
    const addend = factor * codePoint(text[i]!);
    factor = factor === 2 ? 1 : 2;
    total += Math.floor(addend / n) + (addend % n);
  }
  return total % n;
}

/** The check character over the whole UVCI text before `#`, `URN:UVCI:` prefix included. */
export function uvciCheckCharacter(text: string): string {
  const n = CODE_POINTS.length;
  return CODE_POINTS[(n - luhnModN(text, 2)) % n]!;
}

export interface UvciOptions {
  /** ISO 3166-1 alpha-2 code of the issuing country. */
  country: string;
  /** Optional issuing-entity prefix of the opaque part, such as a tenant code. */
  issuingEntity?: string;
  /** The unique part; 26 random characters from [A-Z0-9] when omitted. */
  unique?: string;
}

export function generateUvci(options: UvciOptions): string {
  const country = options.country.toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw new UvciError('country must be an ISO 3166-1 alpha-2 code');
  const unique = options.unique ?? randomUnique(26);
  const opaque = options.issuingEntity ? `${options.issuingEntity}/${unique}` : unique;
  if (!/^[A-Z0-9/]+$/.test(opaque)) throw new UvciError('the unique part may hold only A-Z, 0-9 and /');
  const body = `URN:UVCI:01:${country}:${opaque}`;
  const uvci = `${body}#${uvciCheckCharacter(body)}`;
  if (uvci.length > MAX_LENGTH) throw new UvciError(`a UVCI is at most ${MAX_LENGTH} characters`);
  return uvci;
}

/** True for a well-formed version-01 UVCI whose check character matches. */
export function isValidUvci(uvci: string): boolean {
  if (uvci.length > MAX_LENGTH || !UVCI_PATTERN.test(uvci)) return false;
  const hash = uvci.lastIndexOf('#');
  return luhnModN(uvci.slice(0, hash) + uvci.slice(hash + 1), 1) === 0;
}

function randomUnique(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += UNIQUE_ALPHABET[randomInt(UNIQUE_ALPHABET.length)]!;
  return out;
}
