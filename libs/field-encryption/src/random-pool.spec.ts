import { describe, expect, it } from 'vitest';
import { RandomPool } from './random-pool';

describe('RandomPool', () => {
  it('never hands out the same bytes twice, across refills', () => {
    const pool = new RandomPool();
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i += 1) seen.add(pool.take(12).toString('hex')); // ~6 refills
    expect(seen.size).toBe(2_000);
  });

  it('leaves slices already handed out unchanged when it refills', () => {
    const pool = new RandomPool();
    const first = pool.take(12);
    const copy = Buffer.from(first);
    for (let i = 0; i < 1_000; i += 1) pool.take(12);
    expect(first.equals(copy)).toBe(true);
  });

  it('serves a request larger than the pool', () => {
    expect(new RandomPool().take(10_000)).toHaveLength(10_000);
  });
});
