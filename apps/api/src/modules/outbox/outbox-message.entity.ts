import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxMessageStatus = 'pending' | 'sent' | 'dead';

/**
 * A message to deliver after the transaction that caused it commits (its delivery is a job in the
 * same transaction). The payload names a person, so it is encrypted like any personal field.
 */
@Entity({ name: 'outbox_message' })
@Index('ix_outbox_message_open', ['status'], { where: "status <> 'sent'" })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_outbox_message' })
  id!: string;

  @Column({ name: 'kind', type: 'text' })
  kind!: string;

  @Column({ name: 'payload_encrypted', type: 'text' })
  payloadEncrypted!: string;

  @Column({ name: 'status', type: 'text', default: 'pending' })
  status!: OutboxMessageStatus;

  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts!: number;

  /** A short reason such as "mailer answered 502"; never message content. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** W3C traceparent of the request that queued it; its delivery continues that trace. */
  @Column({ name: 'trace_parent', type: 'text', nullable: true })
  traceParent!: string | null;
}
