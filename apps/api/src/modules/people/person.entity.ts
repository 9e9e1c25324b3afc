import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A person the tenant vaccinates. Every personal field is ciphertext; `*_index` columns are blind indexes. */
@Entity({ name: 'person' })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_person' })
  id!: string;

  @Column({ name: 'given_name_encrypted', type: 'text' })
  givenNameEncrypted!: string;

  @Column({ name: 'family_name_encrypted', type: 'text' })
  familyNameEncrypted!: string;

  @Column({ name: 'email_encrypted', type: 'text' })
  emailEncrypted!: string;

  @Index('uq_person_email_index', { unique: true })
  @Column({ name: 'email_index', type: 'text' })
  emailIndex!: string;

  @Column({ name: 'birth_date_encrypted', type: 'text' })
  birthDateEncrypted!: string;

  @Column({ name: 'phone_encrypted', type: 'text', nullable: true })
  phoneEncrypted!: string | null;

  @Column({ name: 'employee_number_encrypted', type: 'text', nullable: true })
  employeeNumberEncrypted!: string | null;

  @Index('uq_person_employee_number_index', { unique: true })
  @Column({ name: 'employee_number_index', type: 'text', nullable: true })
  employeeNumberIndex!: string | null;

  /** The department from the employee roster; null when the roster names none. */
  @Column({ name: 'department_encrypted', type: 'text', nullable: true })
  departmentEncrypted!: string | null;

  /** The language of the page the person last used; null: never chose, so the tenant's default applies. */
  @Column({ name: 'locale', type: 'text', nullable: true })
  locale!: 'de' | 'en' | null;

  /** Set when staff erased the person: every personal field above is then empty and no index finds them. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  /**
   * After erasure, who the person was (names, birth date, as JSON), sealed under a context of its own
   * that only the doctors' retained-identity read opens: kept while the law requires the vaccination
   * documentation, null when there is none.
   */
  @Column({ name: 'retained_identity_encrypted', type: 'text', nullable: true })
  retainedIdentityEncrypted!: string | null;

  /** The day the retained documentation may go (the last vaccination plus ten years). */
  @Column({ name: 'retained_until', type: 'date', nullable: true })
  retainedUntil!: string | null;

  @Index('ix_person_created_at')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ name: 'version', type: 'integer' })
  version!: number;
}
