import { Injectable } from '@nestjs/common';
import type { AuditEvent } from '@vaccinate/api-contracts';
import { Sql } from '../../database/sql';

export interface AuditQuery {
  from?: string;
  to?: string;
  subjectId?: string;
  actor?: string;
  action?: string;
  limit: number;
  offset: number;
}

interface Row {
  id: string;
  occurred_at: Date;
  actor_subject: string;
  actor_kind: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  request_id: string;
  client_ip: string;
}

/** Reads the audit trail, newest first; it is append-only, nothing here changes it. */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly sql: Sql) {}

  async find(query: AuditQuery): Promise<{ items: AuditEvent[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (condition: string, value: unknown) => {
      params.push(value);
      conditions.push(condition.replace('?', `$${params.length}`));
    };
    if (query.from) add('occurred_at >= ?', query.from);
    if (query.to) add('occurred_at < ?', query.to);
    if (query.subjectId) add('subject_id = ?', query.subjectId);
    if (query.actor) add('actor_subject = ?', query.actor);
    if (query.action) add('action = ?', query.action);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const total = await this.sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM audit_event ${where}`, params);
    const { rows } = await this.sql.query<Row>(
      `SELECT id::text, occurred_at, actor_subject, actor_kind, action, subject_type, subject_id, request_id, client_ip
         FROM audit_event ${where} ORDER BY occurred_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    return {
      total: total.rows[0]?.total ?? 0,
      items: rows.map((row) => ({
        id: row.id,
        occurredAt: row.occurred_at.toISOString(),
        actorSubject: row.actor_subject,
        actorKind: row.actor_kind,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        requestId: row.request_id,
        clientIp: row.client_ip,
      })),
    };
  }
}
