import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { requestContext } from '../../common/request-context';
import type { SqlClient } from '../../database/sql';
import { AuditEventEntity } from './audit-event.entity';

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
  | 'correct';

/** Writes one audit event per person record that staff read or change. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records `action` on each subject; pass the transaction's manager so a change and its audit commit together. */
  async record(subjectType: string, action: AuditAction, subjectIds: string[], manager?: EntityManager): Promise<void> {
    if (subjectIds.length === 0) return;
    const context = requestContext.current();
    const actor = context?.principal;
    const rows = subjectIds.map((subjectId) => ({
      actorSubject: actor?.subject ?? 'system',
      actorKind: actor?.kind ?? 'system',
      action: `${subjectType}.${action}`,
      subjectType,
      subjectId,
      requestId: context?.requestId ?? 'none',
      clientIp: context?.clientIp ?? 'local',
    }));
    await (manager ?? this.dataSource.manager).insert(AuditEventEntity, rows);
  }

  /** The same, inside a transaction of the plain-SQL paths. */
  async recordIn(client: SqlClient, subjectType: string, action: AuditAction, subjectIds: string[]): Promise<void> {
    if (subjectIds.length === 0) return;
    const context = requestContext.current();
    const actor = context?.principal;
    await client.query(
      `INSERT INTO audit_event (actor_subject, actor_kind, action, subject_type, subject_id, request_id, client_ip)
       SELECT $1, $2, $3, $4, subject_id, $5, $6 FROM unnest($7::uuid[]) AS subject_id`,
      [
        actor?.subject ?? 'system',
        actor?.kind ?? 'system',
        `${subjectType}.${action}`,
        subjectType,
        context?.requestId ?? 'none',
        context?.clientIp ?? 'local',
        subjectIds,
      ],
    );
  }

  /** Records a change to a tenant setting that has no person as subject (priority rules, releases). */
  async recordSetting(subjectType: string, action: AuditAction, manager?: EntityManager): Promise<void> {
    const context = requestContext.current();
    const actor = context?.principal;
    await (manager ?? this.dataSource.manager).insert(AuditEventEntity, {
      actorSubject: actor?.subject ?? 'system',
      actorKind: actor?.kind ?? 'system',
      action: `${subjectType}.${action}`,
      subjectType,
      subjectId: null,
      requestId: context?.requestId ?? 'none',
      clientIp: context?.clientIp ?? 'local',
    });
  }
}
