import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const ALGORITHMS: Record<string, string> = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

interface Payload {
  algorithm: string;
  challenge: string;
  number: number;
  salt: string;
  signature: string;
}

/**
 * Verifies an ALTCHA (v1) solution as altcha-lib's `verifySolution` does — the salt's `expires`
 * has not passed, `hash(salt + number)` is the challenge, `hmac(challenge)` is our signature — but
 * with synchronous node:crypto: the library's WebCrypto calls cost a thread-pool round trip each,
 * and the waiting-list intake verifies one solution per registration.
 */
export function verifyAltchaSolution(solution: string, hmacKey: string, now = Date.now()): boolean {
  return verifiedAltchaChallenge(solution, hmacKey, now) !== null;
}

/** The challenge a valid solution answers, and when it expires (ms; null when it never does); null for an invalid solution. */
export function verifiedAltchaChallenge(solution: string, hmacKey: string, now = Date.now()): { challenge: string; expiresAt: number | null } | null {
  const payload = parse(solution);
  if (!payload) return null;
  const algorithm = ALGORITHMS[payload.algorithm.toUpperCase()];
  if (!algorithm) return null;
  const expires = new URLSearchParams(payload.salt.split('?')[1] ?? '').get('expires');
  let expiresAt: number | null = null;
  if (expires !== null) {
    expiresAt = Number.parseInt(expires, 10) * 1000;
    if (Number.isNaN(expiresAt) || expiresAt < now) return null;
  }
  // Computed, not copied from the payload: the same challenge has one spelling however the solution was encoded.
  const challenge = createHash(algorithm)
    .update(payload.salt + payload.number)
    .digest('hex');
  if (challenge !== payload.challenge) return null;
  const expected = createHmac(algorithm, hmacKey).update(challenge).digest();
  const given = Buffer.from(payload.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? { challenge, expiresAt } : null;
}

function parse(solution: string): Payload | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(solution, 'base64').toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const { algorithm, challenge, number, salt, signature } = value as Record<string, unknown>;
    if (typeof algorithm !== 'string' || typeof challenge !== 'string' || typeof salt !== 'string' || typeof signature !== 'string') return null;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) return null;
    return { algorithm, challenge, number, salt, signature };
  } catch {
    return null;
  }
}
