import { Inject, Injectable } from '@nestjs/common';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { personFields } from '../../database/encrypted-fields';
import type { SqlClient } from '../../database/sql';
import { namePrefixes } from './name-prefix.util';

/** A person's names, as the name search indexes them. */
export interface NamedPerson {
  id: string;
  givenName: string;
  familyName: string;
}

/** How many people one backfill statement covers. */
const BACKFILL_BATCH = 500;

/**
 * `person_name_token`: the blind-index tokens of a person's name prefixes (docs/people-search.md).
 * Written with the person in the same transaction; a name search intersects the tokens of the words typed.
 */
@Injectable()
export class PersonNameTokenRepository {
  constructor(@Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing) {}

  /** Replaces the tokens of these people with those of their current names: two statements for any number. */
  async replace(db: SqlClient, people: readonly NamedPerson[]): Promise<void> {
    if (people.length === 0) return;
    await db.query('DELETE FROM person_name_token WHERE person_id = ANY($1::uuid[])', [people.map((person) => person.id)]);
    await this.insert(db, people);
  }

  /** Adds the tokens of people who have none yet (just inserted). */
  async insert(db: SqlClient, people: readonly NamedPerson[]): Promise<void> {
    const ids: string[] = [];
    const tokens: string[] = [];
    for (const person of people) {
      for (const prefix of namePrefixes(person.givenName, person.familyName)) {
        ids.push(person.id);
        tokens.push(personFields.namePrefix.blindIndex(this.ring, prefix));
      }
    }
    if (tokens.length === 0) return;
    await db.query('INSERT INTO person_name_token (person_id, token) SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT DO NOTHING', [ids, tokens]);
  }

  /** The people whose names have a word beginning with each of the prefixes, under any configured key. */
  async idsMatching(db: SqlClient, prefixes: readonly string[], limit: number): Promise<string[]> {
    if (prefixes.length === 0) return [];
    const groups = prefixes.map((prefix) => personFields.namePrefix.blindIndexCandidates(this.ring, prefix));
    // One row per typed word: a person matches when every word matched one of their tokens.
    const { rows } = await db.query<{ person_id: string }>(
      `SELECT token.person_id
         FROM person_name_token token
         JOIN unnest($1::int[], $2::text[]) AS wanted(word, token) ON wanted.token = token.token
        GROUP BY token.person_id
       HAVING count(DISTINCT wanted.word) = $3
        LIMIT $4`,
      [groups.flatMap((candidates, word) => candidates.map(() => word)), groups.flat(), prefixes.length, limit],
    );
    return rows.map((row) => row.person_id);
  }

  /**
   * People with no token under the current key: registered before the search existed, or before a key
   * rotation. Needs the key, so the API runs it at start, in batches; returns how many it indexed.
   */
  async backfill(db: SqlClient, decryptNames: (rows: EncryptedNames[]) => NamedPerson[]): Promise<number> {
    let total = 0;
    for (;;) {
      const { rows } = await db.query<EncryptedNames>(
        `SELECT id, given_name_encrypted, family_name_encrypted FROM person
          WHERE NOT EXISTS (SELECT 1 FROM person_name_token token WHERE token.person_id = person.id AND token.token LIKE $1)
          ORDER BY id LIMIT $2`,
        [`${this.ring.currentVersion}:%`, BACKFILL_BATCH],
      );
      const people = decryptNames(rows).filter((person) => namePrefixes(person.givenName, person.familyName).length > 0);
      await this.replace(db, people);
      total += people.length;
      // A batch of names too short to index would be selected again forever.
      if (rows.length < BACKFILL_BATCH || people.length === 0) return total;
    }
  }
}

export interface EncryptedNames {
  id: string;
  given_name_encrypted: string;
  family_name_encrypted: string;
}
