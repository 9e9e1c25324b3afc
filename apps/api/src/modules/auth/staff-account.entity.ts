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

  /** argon2id PHC string. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

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
