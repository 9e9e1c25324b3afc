import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who touched whose record, when, from where. Holds identifiers only, never personal values. */
@Entity({ name: 'audit_event' })
@Index('ix_audit_event_subject', ['subjectType', 'subjectId', 'occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_audit_event' })
  id!: string;

  @Index('ix_audit_event_occurred_at')
  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'actor_subject', type: 'text' })
  actorSubject!: string;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind!: string;

  @Column({ name: 'action', type: 'text' })
  action!: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId!: string | null;

  @Column({ name: 'request_id', type: 'text' })
  requestId!: string;

  /** The client's network (/24, /48), never its address: see clientNetwork. */
  @Column({ name: 'client_ip', type: 'text' })
  clientIp!: string;
}
