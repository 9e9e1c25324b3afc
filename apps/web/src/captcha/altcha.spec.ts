import { describe, expect, it } from 'vitest';
import { makeChallenge } from '../test/booking-fixtures';
import { encodeSolution, isAltchaChallenge, solveChallenge } from './altcha';

describe('ALTCHA challenge', () => {
  it("accepts the API's challenge as its contract declares it, with or without a bound", () => {
    const challenge = makeChallenge(7, 50);
    expect(isAltchaChallenge(challenge)).toBe(true);
    const { maxnumber: _bound, ...unbounded } = challenge;
    expect(isAltchaChallenge(unbounded)).toBe(true);
  });

  it("refuses another provider's answer and anything the contract does not declare", () => {
    const challenge = makeChallenge(7, 50);
    expect(isAltchaChallenge({ provider: 'recaptcha' })).toBe(false);
    expect(isAltchaChallenge({ ...challenge, provider: undefined })).toBe(false);
    expect(isAltchaChallenge({ ...challenge, maxnumber: '50' })).toBe(false);
    expect(isAltchaChallenge({ ...challenge, maxnumber: 1.5 })).toBe(false);
    expect(isAltchaChallenge({ ...challenge, extra: true })).toBe(false);
    expect(isAltchaChallenge(null)).toBe(false);
  });

  it('solves a challenge and encodes the answer as the API reads it', async () => {
    const challenge = makeChallenge(7, 50);
    expect(await solveChallenge(challenge)).toBe(7);
    const encoded = JSON.parse(atob(encodeSolution(challenge, 7))) as Record<string, unknown>;
    expect(encoded).toEqual({ algorithm: 'SHA-256', challenge: challenge.challenge, number: 7, salt: challenge.salt, signature: challenge.signature });
  });
});
