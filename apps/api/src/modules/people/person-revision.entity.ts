import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PersonEntity } from './person.entity';

/** A person's record as it was before a correction, with who changed it and why. All ciphertext. */
@Entity({ name: 'person_revision' })
@Index('ix_person_revision_person', ['personId', 'version'])
export class PersonRevisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_person_revision' })
  id!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_person_revision_person' })
  person?: PersonEntity;

  /** The person's version this snapshot was. */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'given_name_encrypted', type: 'text' })
  givenNameEncrypted!: string;

  @Column({ name: 'family_name_encrypted', type: 'text' })
  familyNameEncrypted!: string;

  @Column({ name: 'email_encrypted', type: 'text' })
  emailEncrypted!: string;

  @Column({ name: 'birth_date_encrypted', type: 'text' })
  birthDateEncrypted!: string;

  @Column({ name: 'phone_encrypted', type: 'text', nullable: true })
  phoneEncrypted!: string | null;

  @Column({ name: 'employee_number_encrypted', type: 'text', nullable: true })
  employeeNumberEncrypted!: string | null;

  @Column({ name: 'reason_encrypted', type: 'text' })
  reasonEncrypted!: string;

  @Column({ name: 'changed_by', type: 'text' })
  changedBy!: string;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
