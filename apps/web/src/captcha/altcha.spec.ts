import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeChallenge } from '../test/booking-fixtures';
import { encodeSolution, isAltchaChallenge, solveChallenge } from './altcha';

describe('ALTCHA solver', () => {
  it('finds the number of a real challenge and encodes the payload the API verifies', async () => {
    const challenge = makeChallenge(4_321, 50_000);
    const number = await solveChallenge(challenge);
    expect(number).toBe(4_321);

    const payload = JSON.parse(atob(encodeSolution(challenge, 4_321))) as Record<string, unknown>;
    expect(payload).toEqual({
      algorithm: 'SHA-256',
      challenge: challenge.challenge,
      number: 4_321,
      salt: challenge.salt,
      signature: challenge.signature,
    });
    // What the server checks on its side: the signature over the challenge still holds.
    expect(createHmac('sha256', 'test-hmac-key').update(String(payload['challenge'])).digest('hex')).toBe(payload['signature']);
  });

  it('finds 0 and maxnumber itself, and answers null when no number fits', async () => {
    expect(await solveChallenge(makeChallenge(0, 10))).toBe(0);
    expect(await solveChallenge(makeChallenge(10, 10))).toBe(10);
    expect(await solveChallenge(makeChallenge(500, 100))).toBeNull();
  });

  it('stops when aborted and refuses an unknown algorithm', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(solveChallenge(makeChallenge(9_000, 10_000), { signal: controller.signal })).rejects.toThrow();
    await expect(solveChallenge({ ...makeChallenge(1, 10), algorithm: 'MD5' })).rejects.toThrow('Unsupported');
  });

  it('recognises a challenge answer and rejects anything else', () => {
    expect(isAltchaChallenge(makeChallenge(1, 10))).toBe(true);
    expect(isAltchaChallenge({ algorithm: 'SHA-256', challenge: 'x' })).toBe(false);
    expect(isAltchaChallenge(null)).toBe(false);
  });
});
