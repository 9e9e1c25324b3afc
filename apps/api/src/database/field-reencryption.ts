import { IndexedFieldCodec, type FieldKeyRing } from '@vaccinate/field-encryption';
import { ENCRYPTED_COLUMNS } from './encrypted-fields';
import { PriorityOrder } from './priority-order';
import type { SqlClient } from './sql';

/**
 * Rewrites every value sealed under an older key (and every blind index computed with one) under
 * the current key, in batches, one row per statement so a long run never holds a wide lock.
 * Returns how many values were rewritten per `table.column`.
 */
export async function reencryptFields(sql: SqlClient, ring: FieldKeyRing, batchSize = 500): Promise<Record<string, number>> {
  const rewritten: Record<string, number> = {};
  for (const field of ENCRYPTED_COLUMNS) {
    const key = `${field.table}.${field.column}`;
    rewritten[key] = 0;
    const index = field.indexColumn && field.codec instanceof IndexedFieldCodec ? { column: field.indexColumn, codec: field.codec } : null;
    const staleIndex = index ? ` OR split_part(${index.column}, ':', 1) <> $1` : '';
    for (;;) {
      const { rows } = await sql.query<{ id: string; value: string }>(
        `SELECT id::text AS id, ${field.column} AS value FROM ${field.table}
          WHERE ${field.column} IS NOT NULL AND (split_part(${field.column}, ':', 2) <> $1${staleIndex})
          LIMIT $2`,
        [ring.currentVersion, batchSize],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        const plaintext = field.codec.decrypt(ring, row.value);
        const sealed = field.codec.encrypt(ring, plaintext);
        if (index) {
          await sql.query(`UPDATE ${field.table} SET ${field.column} = $2, ${index.column} = $3 WHERE id = $1`, [
            row.id,
            sealed,
            index.codec.blindIndex(ring, plaintext),
          ]);
        } else {
          await sql.query(`UPDATE ${field.table} SET ${field.column} = $2 WHERE id = $1`, [row.id, sealed]);
        }
        rewritten[key] += 1;
      }
    }
  }
  // The keyed priority order is computed under the current key too.
  rewritten['priority_order'] = await PriorityOrder.of(ring).convert(sql);
  return rewritten;
}
