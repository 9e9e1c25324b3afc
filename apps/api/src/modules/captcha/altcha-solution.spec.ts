import { createChallenge, solveChallenge, verifySolution } from 'altcha-lib/v1';
import { describe, expect, it } from 'vitest';
import { verifyAltchaSolution } from './altcha-solution';

const KEY = 'a'.repeat(64);

async function solved(options: { expires?: Date; key?: string } = {}): Promise<{ solution: string; payload: Record<string, unknown> }> {
  const challenge = await createChallenge({ hmacKey: options.key ?? KEY, maxnumber: 500, ...(options.expires ? { expires: options.expires } : {}) });
  const found = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  if (!found) throw new Error('unsolvable');
  const payload = { algorithm: challenge.algorithm, challenge: challenge.challenge, number: found.number, salt: challenge.salt, signature: challenge.signature };
  return { solution: Buffer.from(JSON.stringify(payload)).toString('base64'), payload };
}

const encode = (payload: Record<string, unknown>) => Buffer.from(JSON.stringify(payload)).toString('base64');

describe('verifyAltchaSolution', () => {
  it('accepts what altcha-lib accepts', async () => {
    const { solution } = await solved({ expires: new Date(Date.now() + 60_000) });
    expect(await verifySolution(solution, KEY, true)).toBe(true);
    expect(verifyAltchaSolution(solution, KEY)).toBe(true);
  });

  it('refuses a wrong number, a foreign signature, an expired challenge and garbage, as altcha-lib does', async () => {
    const { payload } = await solved({ expires: new Date(Date.now() + 60_000) });
    const wrongNumber = encode({ ...payload, number: (payload['number'] as number) + 1 });
    const foreign = (await solved({ key: 'b'.repeat(64) })).solution;
    const expired = (await solved({ expires: new Date(Date.now() - 1_000) })).solution;
    for (const solution of [wrongNumber, foreign, expired, 'not base64 json', encode({ ...payload, number: '7' })]) {
      expect(verifyAltchaSolution(solution, KEY)).toBe(false);
      expect(await verifySolution(solution, KEY, true)).toBe(false);
    }
  });

  it('refuses an algorithm it does not know', async () => {
    const { payload } = await solved();
    expect(verifyAltchaSolution(encode({ ...payload, algorithm: 'MD5' }), KEY)).toBe(false);
  });
});
