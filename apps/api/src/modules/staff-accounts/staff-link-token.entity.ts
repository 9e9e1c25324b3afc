import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffAccountEntity } from '../auth/staff-account.entity';

export type StaffLinkPurpose = 'invitation' | 'reset';

/** A single-use link to set a password. The token itself is never stored, only its SHA-256. */
@Entity({ name: 'staff_link_token' })
export class StaffLinkTokenEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_staff_link_token' })
  id!: string;

  @Index('ix_staff_link_token_account')
  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => StaffAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_staff_link_token_account' })
  account?: StaffAccountEntity;

  @Column({ name: 'purpose', type: 'text' })
  purpose!: StaffLinkPurpose;

  @Index('uq_staff_link_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
