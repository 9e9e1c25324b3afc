import { Injectable } from '@nestjs/common';
import type { Release } from '@vaccinate/api-contracts';
import { Sql, type SqlClient } from '../../database/sql';
import type { ProductAgeLimit } from './product-eligibility';

export interface StoredRuleSet {
  version: number;
  rules: unknown;
  eligibility: ProductAgeLimit[];
  savedBy: string;
  savedAt: string;
}

/** A release as the API answers it. */
export type ReleaseInForce = Release;

/** Rule versions and releases: appended, the newest in force. */
@Injectable()
export class PriorityRulesRepository {
  constructor(private readonly sql: Sql) {}

  async current(): Promise<StoredRuleSet | null> {
    const { rows } = await this.sql.query<{ id: number; rules: unknown; eligibility: ProductAgeLimit[]; saved_by: string; saved_at: Date }>(
      'SELECT id, rules, eligibility, saved_by, saved_at FROM priority_rule_set ORDER BY id DESC LIMIT 1',
    );
    const row = rows[0];
    return row ? { version: row.id, rules: row.rules, eligibility: row.eligibility, savedBy: row.saved_by, savedAt: row.saved_at.toISOString() } : null;
  }

  /**
   * The version in force, with every other save waiting until this transaction ends: saves of the
   * same version cannot both pass. Readers are not held up.
   */
  async lockVersion(db: SqlClient): Promise<number> {
    await db.query('LOCK TABLE priority_rule_set IN EXCLUSIVE MODE');
    const { rows } = await db.query<{ id: number }>('SELECT max(id) AS id FROM priority_rule_set');
    return rows[0]?.id ?? 0;
  }

  async save(db: SqlClient, rules: unknown, eligibility: ProductAgeLimit[], savedBy: string): Promise<number> {
    const { rows } = await db.query<{ id: number }>('INSERT INTO priority_rule_set (rules, eligibility, saved_by) VALUES ($1, $2, $3) RETURNING id', [
      JSON.stringify(rules),
      JSON.stringify(eligibility),
      savedBy,
    ]);
    return rows[0]?.id ?? 0;
  }

  async release(db: SqlClient, upToRank: number, siteId: string | null, releasedBy: string): Promise<void> {
    await db.query('INSERT INTO priority_release (up_to_rank, site_id, released_by) VALUES ($1, $2, $3)', [upToRank, siteId, releasedBy]);
  }

  /** The newest release per scope (every site, and each site), without withdrawn ones. */
  async releasesInForce(): Promise<ReleaseInForce[]> {
    const { rows } = await this.sql.query<{ site_id: string | null; up_to_rank: number; released_by: string; released_at: Date }>(
      `SELECT DISTINCT ON (site_id) site_id, up_to_rank, released_by, released_at
         FROM priority_release ORDER BY site_id NULLS FIRST, id DESC`,
    );
    return rows
      .filter((row) => row.up_to_rank > 0)
      .map((row) => ({ siteId: row.site_id, upToRank: row.up_to_rank, releasedBy: row.released_by, releasedAt: row.released_at.toISOString() }));
  }
}
