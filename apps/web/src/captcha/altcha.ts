import { CaptchaChallenge, checkOf } from '@vaccinate/api-contracts';

/** What `GET /api/captcha/challenge` answers when the tenant uses ALTCHA's proof of work. */
export type AltchaChallenge = Extract<CaptchaChallenge, { provider: 'altcha' }>;

/** ALTCHA's own bound when a challenge names none. */
const DEFAULT_MAX_NUMBER = 1_000_000;

/** Hash names ALTCHA uses, which are also Web Crypto's. */
const ALGORITHMS = ['SHA-1', 'SHA-256', 'SHA-512'];
/** Hashes computed concurrently between abort checks: keeps the digest pipeline busy. */
const BATCH_SIZE = 200;

// Interpreted, never compiled: the worker runs under the page's Content-Security-Policy (no eval).
const challengeCheck = checkOf(CaptchaChallenge.schema, true);

/** The API's answer checked with its contract: an ALTCHA challenge, not another provider's or a malformed one. */
export function isAltchaChallenge(value: unknown): value is AltchaChallenge {
  return challengeCheck.Check(value) && (value as CaptchaChallenge).provider === 'altcha';
}

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface SolveOptions {
  signal?: AbortSignal;
  /** Web Crypto to hash with; the page's or the worker's by default. */
  subtle?: SubtleCrypto;
}

/**
 * Finds n in [0, maxnumber] with hex(hash(salt + n)) === challenge. Returns null when no number
 * matches (a broken challenge). Throws the signal's reason when aborted.
 */
export async function solveChallenge(challenge: AltchaChallenge, options: SolveOptions = {}): Promise<number | null> {
  const subtle = options.subtle ?? globalThis.crypto.subtle;
  const algorithm = challenge.algorithm.toUpperCase();
  if (!ALGORITHMS.includes(algorithm)) throw new Error(`Unsupported captcha algorithm ${challenge.algorithm}`);
  const target = challenge.challenge.toLowerCase();
  const encoder = new TextEncoder();
  const maxNumber = challenge.maxnumber ?? DEFAULT_MAX_NUMBER;

  for (let start = 0; start <= maxNumber; start += BATCH_SIZE) {
    options.signal?.throwIfAborted();
    const end = Math.min(start + BATCH_SIZE - 1, maxNumber);
    const numbers = Array.from({ length: end - start + 1 }, (_, index) => start + index);
    const hashes = await Promise.all(numbers.map((n) => subtle.digest(algorithm, encoder.encode(`${challenge.salt}${n}`))));
    const found = hashes.findIndex((hash) => toHex(hash) === target);
    if (found >= 0) return start + found;
  }
  return null;
}

/** The `captcha` field of a booking: the challenge with its answer, as ALTCHA's server expects. */
export function encodeSolution(challenge: AltchaChallenge, number: number): string {
  const { algorithm, salt, signature } = challenge;
  return btoa(JSON.stringify({ algorithm, challenge: challenge.challenge, number, salt, signature }));
}
