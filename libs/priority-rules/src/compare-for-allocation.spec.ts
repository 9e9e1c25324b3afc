import { describe, expect, it } from 'vitest';
import { compareForAllocation, type AllocationCandidate } from './compare-for-allocation';

const candidates: AllocationCandidate[] = [
  { id: 'r-07', rank: 2, registeredAt: '2026-03-01T08:00:00.000Z' },
  { id: 'r-03', rank: 1, registeredAt: '2026-03-01T09:30:00.000Z' },
  { id: 'r-05', rank: 1, registeredAt: '2026-03-01T08:00:00.000Z' },
  { id: 'r-02', rank: 1, registeredAt: '2026-03-01T08:00:00.000Z' }, // ties r-05 on rank and time
  { id: 'r-10', rank: 1, registeredAt: '2026-03-01T09:00:00.000+01:00' }, // 08:00Z: ties too
  { id: 'r-01', rank: 3, registeredAt: '2026-02-01T00:00:00.000Z' },
  { id: 'r-04', rank: 1, registeredAt: '2026-03-01T07:59:59.999Z' },
];
const expected = ['r-04', 'r-02', 'r-05', 'r-10', 'r-03', 'r-07', 'r-01'];

/** Every input order (7! of them), so the test does not depend on Math.random. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

describe('compareForAllocation', () => {
  it('orders by rank, then arrival instant, then id', () => {
    expect([...candidates].sort(compareForAllocation).map((candidate) => candidate.id)).toEqual(expected);
  });

  it('gives the same order from every input order', () => {
    for (const order of permutations(candidates)) {
      expect(order.sort(compareForAllocation).map((candidate) => candidate.id)).toEqual(expected);
    }
  });

  it('is a total order: antisymmetric, transitive, zero only for the same registration', () => {
    for (const a of candidates) {
      expect(compareForAllocation(a, { ...a })).toBe(0);
      for (const b of candidates) {
        const ab = compareForAllocation(a, b);
        expect(Math.sign(ab) + Math.sign(compareForAllocation(b, a))).toBe(0);
        if (a.id !== b.id) expect(ab).not.toBe(0);
        for (const c of candidates) {
          if (ab < 0 && compareForAllocation(b, c) < 0) expect(compareForAllocation(a, c)).toBeLessThan(0);
        }
      }
    }
  });

  it('compares instants, not strings, and ids by code unit', () => {
    const early = { id: 'b', rank: 1, registeredAt: '2026-03-01T09:59:00+01:00' }; // 08:59Z
    const late = { id: 'a', rank: 1, registeredAt: '2026-03-01T09:00:00Z' };
    expect(compareForAllocation(early, late)).toBeLessThan(0);
    const at = '2026-03-01T09:00:00Z';
    expect(compareForAllocation({ id: 'Z', rank: 1, registeredAt: at }, { id: 'a', rank: 1, registeredAt: at })).toBeLessThan(0);
  });

  it('refuses an unparsable arrival time instead of sorting it anywhere', () => {
    const broken = { id: 'x', rank: 1, registeredAt: 'yesterday' };
    const other = { id: 'y', rank: 2, registeredAt: '2026-03-01T08:00:00Z' }; // a different rank would decide alone
    expect(() => compareForAllocation(broken, other)).toThrow(/registration x/);
    expect(() => compareForAllocation(other, broken)).toThrow(/registration x/);
  });
});
