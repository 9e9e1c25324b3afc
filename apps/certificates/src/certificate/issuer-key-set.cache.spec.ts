import { describe, expect, it } from 'vitest';
import { IssuerKeySetCache, IssuerUnavailableError, type JSONWebKeySet } from './issuer-key-set.cache';

const ACME = 'https://acme.example.org';
const keySet = (kid: string): JSONWebKeySet => ({ keys: [{ kty: 'EC', kid }] });

function cacheWith(answers: (JSONWebKeySet | Error)[], ttlMs = 60_000) {
  const calls: string[] = [];
  let now = 0;
  const cache = new IssuerKeySetCache(
    new Set([ACME]),
    ttlMs,
    async (issuer) => {
      calls.push(issuer);
      const answer = answers.shift();
      if (!answer || answer instanceof Error) throw answer ?? new Error('no answer');
      return answer;
    },
    () => now,
  );
  return { cache, calls, advance: (ms: number) => void (now += ms) };
}

describe('IssuerKeySetCache', () => {
  it('fetches once per TTL and shares a fetch in flight', async () => {
    const { cache, calls, advance } = cacheWith([keySet('k1'), keySet('k2')]);
    const [a, b] = await Promise.all([cache.get(ACME), cache.get(ACME)]);
    expect(a).toEqual(keySet('k1'));
    expect(b).toBe(a);
    advance(59_000);
    expect(await cache.get(ACME)).toEqual(keySet('k1'));
    advance(2_000);
    expect(await cache.get(ACME)).toEqual(keySet('k2'));
    expect(calls).toEqual([ACME, ACME]);
  });

  it('never fetches an issuer that is not configured', async () => {
    const { cache, calls } = cacheWith([keySet('k1')]);
    await expect(cache.get('https://evil.example.org')).rejects.toBeInstanceOf(IssuerUnavailableError);
    expect(calls).toEqual([]);
  });

  it('keeps the last good key set when a refetch fails, and reports an issuer never reached', async () => {
    const { cache, advance } = cacheWith([keySet('k1'), new Error('down')]);
    await cache.get(ACME);
    advance(120_000);
    expect(await cache.get(ACME)).toEqual(keySet('k1'));
    const never = cacheWith([new Error('down')]);
    await expect(never.cache.get(ACME)).rejects.toBeInstanceOf(IssuerUnavailableError);
  });

  it('refuses a key set without keys', async () => {
    const { cache } = cacheWith([{ keys: [] }]);
    await expect(cache.get(ACME)).rejects.toBeInstanceOf(IssuerUnavailableError);
  });

  it('refetches for an unknown key only when the last fetch is not recent', async () => {
    const { cache, calls, advance } = cacheWith([keySet('k1'), keySet('k2')]);
    await cache.get(ACME);
    expect(await cache.refreshIfStale(ACME)).toBeUndefined();
    advance(31_000);
    expect(await cache.refreshIfStale(ACME)).toEqual(keySet('k2'));
    expect(calls).toHaveLength(2);
  });
});
