import type { StaffRole } from '@vaccinate/api-contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A local staff sign-in. E-mail and name are personal data: ciphertext plus a blind index for sign-in. */
@Entity({ name: 'staff_account' })
export class StaffAccountEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_staff_account' })
  id!: string;

  @Column({ name: 'email_encrypted', type: 'text' })
  emailEncrypted!: string;

  @Index('uq_staff_account_email_index', { unique: true })
  @Column({ name: 'email_index', type: 'text' })
  emailIndex!: string;

  @Column({ name: 'display_name_encrypted', type: 'text' })
  displayNameEncrypted!: string;

  /** argon2id PHC string; null until an invited account sets its password (and for accounts of an identity provider). */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  /** The language of the account's mails; the tenant's when null. */
  @Column({ name: 'locale', type: 'text', nullable: true })
  locale!: 'de' | 'en' | null;

  /** Set when an admin deactivated the account: it can no longer sign in and its sessions ended. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  @Column({ name: 'roles', type: 'text', array: true })
  roles!: StaffRole[];

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
