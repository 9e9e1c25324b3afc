import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { PRIORITY_RULES_LIMITS } from '@vaccinate/priority-rules';
import type { SqlClient } from './sql';

/** Values at or below this are ranks written before the keyed order existed (the priority-order migration keeps them until boot converts them). */
const LEGACY_CEILING = PRIORITY_RULES_LIMITS.maxRank;
/** Each rank's step above the previous one: 1 to 2^20, so 1,000 ranks stay below 2^31 (an `integer` column). */
const STEP_RANGE = 2 ** 20;
const PURPOSE = 'priority.order';

/**
 * The priority group as the database holds it: an opaque, per-tenant keyed, strictly increasing
 * number per rank instead of the rank itself. `ORDER BY priority_order` and `priority_order <= of(n)`
 * behave exactly as the rank did (allocation order: group, then arrival), but a value names no group:
 * the steps between ranks come from an HMAC under the tenant's field key, so without the key a
 * value says neither its rank nor how many groups lie below it.
 */
export class PriorityOrder {
  private readonly current: number[];
  private readonly byVersion: Map<number, number>[];

  private constructor(ring: FieldKeyRing) {
    const ladders = ladderPerKey(ring);
    this.current = ladders[0] ?? [];
    this.byVersion = ladders.map((ladder) => new Map(ladder.map((order, index) => [order, index + 1])));
  }

  static of(ring: FieldKeyRing): PriorityOrder {
    let order = cache.get(ring);
    if (!order) {
      order = new PriorityOrder(ring);
      cache.set(ring, order);
    }
    return order;
  }

  /** The stored value for `rank` (null: no group, sorted last). */
  toOrder(rank: number | null): number | null {
    if (rank === null) return null;
    const order = this.current[rank - 1];
    if (order === undefined) throw new RangeError('rank out of range');
    return order;
  }

  /** The bound for `priority_order <= bound`: every group up to `rank` (0: none). */
  upTo(rank: number): number {
    if (rank < 1) return 0;
    return this.toOrder(Math.min(rank, this.current.length)) ?? 0;
  }

  /** The rank a stored value stands for; values written under a previous key or before the keyed order are read too. */
  toRank(order: number | null): number | null {
    if (order === null) return null;
    if (order <= LEGACY_CEILING) return order;
    for (const ranks of this.byVersion) {
      const rank = ranks.get(order);
      if (rank !== undefined) return rank;
    }
    return null;
  }

  /** Rewrites every stored value not under the current key (legacy plain ranks, a retired key) in `registration` and `standby_member`; returns how many rows changed. */
  async convert(sql: SqlClient): Promise<number> {
    let changed = 0;
    for (const table of ['registration', 'standby_member']) {
      const { rows } = await sql.query<{ priority_order: number }>(`SELECT DISTINCT priority_order FROM ${table} WHERE priority_order IS NOT NULL`);
      const currentValues = new Set(this.current);
      for (const { priority_order: stored } of rows) {
        if (currentValues.has(stored)) continue;
        const rank = this.toRank(stored);
        const result = await sql.query(`UPDATE ${table} SET priority_order = $2 WHERE priority_order = $1`, [stored, rank === null ? null : this.toOrder(rank)]);
        changed += result.rowCount ?? 0;
      }
    }
    return changed;
  }
}

const cache = new WeakMap<FieldKeyRing, PriorityOrder>();

/** One ladder per configured key, the current key's first. */
function ladderPerKey(ring: FieldKeyRing): number[][] {
  const ladders = new Map<string, number[]>();
  for (let rank = 1; rank <= PRIORITY_RULES_LIMITS.maxRank; rank += 1) {
    for (const candidate of ring.blindIndexCandidates(String(rank), PURPOSE)) {
      const [version = '', mac = ''] = candidate.split(':');
      const ladder = ladders.get(version) ?? [];
      const step = 1 + (Buffer.from(mac, 'base64url').readUInt32BE(0) % STEP_RANGE);
      ladder.push((ladder[ladder.length - 1] ?? LEGACY_CEILING) + step);
      ladders.set(version, ladder);
    }
  }
  const current = ladders.get(ring.currentVersion) ?? [];
  return [current, ...[...ladders.entries()].filter(([version]) => version !== ring.currentVersion).map(([, ladder]) => ladder)];
}
