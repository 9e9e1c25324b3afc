import { FieldKeyRing } from '@vaccinate/field-encryption';
import { PRIORITY_RULES_LIMITS } from '@vaccinate/priority-rules';
import { describe, expect, it } from 'vitest';
import { PriorityOrder } from './priority-order';

const v1 = `v1:${Buffer.alloc(32, 1).toString('base64')}`;
const v2 = `v2:${Buffer.alloc(32, 2).toString('base64')}`;
const before = PriorityOrder.of(FieldKeyRing.fromConfig(v1, 'v1'));
const rotated = PriorityOrder.of(FieldKeyRing.fromConfig(`${v1},${v2}`, 'v2'));
const otherTenant = PriorityOrder.of(FieldKeyRing.fromConfig(`v1:${Buffer.alloc(32, 9).toString('base64')}`, 'v1'));

describe('PriorityOrder', () => {
  it('orders as the ranks do, above every plain rank and below 2^31', () => {
    const orders = Array.from({ length: PRIORITY_RULES_LIMITS.maxRank }, (_, index) => before.toOrder(index + 1)!);
    for (let index = 1; index < orders.length; index += 1) expect(orders[index]!).toBeGreaterThan(orders[index - 1]!);
    expect(orders[0]).toBeGreaterThan(PRIORITY_RULES_LIMITS.maxRank);
    expect(orders[orders.length - 1]).toBeLessThan(2 ** 31);
    expect(before.upTo(0)).toBe(0);
    expect(before.upTo(3)).toBe(before.toOrder(3));
    expect(before.toOrder(null)).toBeNull();
  });

  it('differs between tenants, so a value names no rank without the key', () => {
    expect([1, 2, 3].map((rank) => otherTenant.toOrder(rank))).not.toEqual([1, 2, 3].map((rank) => before.toOrder(rank)));
  });

  it('reads back values written under a previous key and plain ranks written before it existed', () => {
    expect(rotated.toOrder(2)).not.toBe(before.toOrder(2));
    expect(rotated.toRank(before.toOrder(2))).toBe(2);
    expect(rotated.toRank(rotated.toOrder(7))).toBe(7);
    expect(rotated.toRank(4)).toBe(4);
    expect(rotated.toRank(null)).toBeNull();
  });
});
