import { Inject, Injectable } from '@nestjs/common';
import type { AuditEvent } from '@vaccinate/api-contracts';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { personFields, staffFields } from '../../database/encrypted-fields';
import { Sql } from '../../database/sql';
import { staffName, staffNameCiphertext } from '../auth/staff-account.repository';

export interface AuditQuery {
  from?: string;
  to?: string;
  subjectId?: string;
  actor?: string;
  action?: string;
  /** Only events about these people / by these actors (resolved from names). */
  subjectIds?: string[];
  actors?: string[];
  limit: number;
  offset: number;
}

interface Row {
  id: string;
  occurred_at: Date;
  actor_subject: string;
  actor_name_encrypted: string | null;
  actor_kind: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  given_name_encrypted: string | null;
  family_name_encrypted: string | null;
  request_id: string;
  client_ip: string;
}

/** True when every word of `wanted` is part of `name`, in any case. */
function nameMatches(name: string, wanted: string): boolean {
  const haystack = name.toLocaleLowerCase();
  return wanted
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** Reads the audit trail, newest first; it is append-only, nothing here changes it. Names are decrypted here for the admins reading it. */
@Injectable()
export class AuditLogRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  async find(query: AuditQuery): Promise<{ items: AuditEvent[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (condition: string, value: unknown) => {
      params.push(value);
      conditions.push(condition.replace('?', `$${params.length}`));
    };
    if (query.from) add('e.occurred_at >= ?', query.from);
    if (query.to) add('e.occurred_at < ?', query.to);
    if (query.subjectId) add('e.subject_id = ?', query.subjectId);
    if (query.actor) add('e.actor_subject = ?', query.actor);
    if (query.action) add('e.action = ?', query.action);
    if (query.subjectIds) add(`e.subject_type = 'person' AND e.subject_id = ANY(?::uuid[])`, query.subjectIds);
    if (query.actors) add('e.actor_subject = ANY(?::text[])', query.actors);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const total = await this.sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM audit_event e ${where}`, params);
    const { rows } = await this.sql.query<Row>(
      `SELECT e.id::text, e.occurred_at, e.actor_subject, ${staffNameCiphertext('e.actor_subject')} AS actor_name_encrypted, e.actor_kind, e.action,
              e.subject_type, e.subject_id, pe.given_name_encrypted, pe.family_name_encrypted, e.request_id, e.client_ip
         FROM audit_event e LEFT JOIN person pe ON e.subject_type = 'person' AND pe.id = e.subject_id
         ${where} ORDER BY e.occurred_at DESC, e.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    return {
      total: total.rows[0]?.total ?? 0,
      items: rows.map((row) => ({
        id: row.id,
        occurredAt: row.occurred_at.toISOString(),
        actorSubject: row.actor_subject,
        actorName: staffName(this.ring, row.actor_name_encrypted),
        actorKind: row.actor_kind,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        subjectName:
          row.given_name_encrypted && row.family_name_encrypted
            ? `${personFields.givenName.decrypt(this.ring, row.given_name_encrypted)} ${personFields.familyName.decrypt(this.ring, row.family_name_encrypted)}`
            : null,
        requestId: row.request_id,
        clientIp: row.client_ip,
      })),
    };
  }

  /** The people in the log whose name has every word of `wanted` (names are ciphertext: matched after decryption). */
  async peopleNamed(wanted: string): Promise<string[]> {
    const { rows } = await this.sql.query<{ id: string; given_name_encrypted: string; family_name_encrypted: string }>(
      `SELECT pe.id, pe.given_name_encrypted, pe.family_name_encrypted FROM person pe
        WHERE pe.id IN (SELECT DISTINCT subject_id FROM audit_event WHERE subject_type = 'person' AND subject_id IS NOT NULL)`,
    );
    return rows
      .filter((row) =>
        nameMatches(
          `${personFields.givenName.decrypt(this.ring, row.given_name_encrypted)} ${personFields.familyName.decrypt(this.ring, row.family_name_encrypted)}`,
          wanted,
        ),
      )
      .map((row) => row.id);
  }

  /** The staff accounts whose name has every word of `wanted`. */
  async staffNamed(wanted: string): Promise<string[]> {
    const { rows } = await this.sql.query<{ id: string; display_name_encrypted: string }>('SELECT id, display_name_encrypted FROM staff_account');
    return rows.filter((row) => nameMatches(staffFields.displayName.decrypt(this.ring, row.display_name_encrypted), wanted)).map((row) => row.id);
  }
}
