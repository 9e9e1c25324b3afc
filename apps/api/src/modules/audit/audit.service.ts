import { Injectable } from '@nestjs/common';
import { clientNetwork } from '../../common/client-network';
import { requestContext } from '../../common/request-context';
import type { SqlClient } from '../../database/sql';

export type AuditAction =
  | 'read'
  | 'list'
  | 'search'
  | 'create'
  | 'update'
  | 'export'
  | 'check_in'
  | 'answer'
  | 'vaccinate'
  | 'react'
  | 'check_out'
  | 'no_show'
  | 'correct'
  | 'erase'
  | 'invite'
  | 'change_roles'
  | 'deactivate'
  | 'request_reset'
  | 'set_password'
  | 'acknowledge'
  | 'early_check_out';

/**
 * Writes one audit event per person record that staff read or change. The handle is the caller's
 * transaction (a change and its audit commit together) or the pool for a plain read.
 */
@Injectable()
export class AuditService {
  /** Records `action` on each subject. */
  async record(db: SqlClient, subjectType: string, action: AuditAction, subjectIds: readonly string[]): Promise<void> {
    if (subjectIds.length > 0) await insertAuditEvents(db, subjectType, action, subjectIds);
  }

  /** Records a change to a tenant setting that has no person as subject (priority rules, releases). */
  async recordSetting(db: SqlClient, subjectType: string, action: AuditAction): Promise<void> {
    await insertAuditEvents(db, subjectType, action, [null]);
  }
}

/** The audit insert: one statement for any number of subjects. */
async function insertAuditEvents(db: SqlClient, subjectType: string, action: AuditAction, subjectIds: readonly (string | null)[]): Promise<void> {
  const context = requestContext.current();
  const actor = context?.principal;
  await db.query(
    `INSERT INTO audit_event (actor_subject, actor_kind, action, subject_type, subject_id, request_id, client_ip)
     SELECT $1, $2, $3, $4, subject_id, $5, $6 FROM unnest($7::uuid[]) AS subject_id`,
    [
      actor?.subject ?? 'system',
      actor?.kind ?? 'system',
      `${subjectType}.${action}`,
      subjectType,
      context?.requestId ?? 'none',
      clientNetwork(context?.clientIp ?? 'local'),
      subjectIds,
    ],
  );
}
