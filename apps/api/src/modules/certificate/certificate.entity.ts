import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PersonEntity } from '../people/person.entity';
import { VaccinationEntity } from '../vaccination/vaccination.entity';

export const REVOCATION_REASONS = ['vaccination_corrected', 'person_corrected'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/**
 * An issued certificate: only what revocation needs. The certificate itself lives in the token
 * mailed to the person and is never stored; the identifier is random and names nobody.
 */
@Entity({ name: 'certificate' })
@Index('ix_certificate_person', ['personId'])
@Index('ix_certificate_revoked_at', ['revokedAt'], { where: '"revoked_at" IS NOT NULL' })
@Check('ck_certificate_revocation', `("revoked_at" IS NULL) = ("revocation_reason" IS NULL)`)
@Check('ck_certificate_revocation_reason', `"revocation_reason" IN ('vaccination_corrected', 'person_corrected')`)
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_certificate' })
  id!: string;

  /** The UVCI, `URN:UVCI:01:<country>:<tenant>/<random>#<check>`; the key of the revocation list. */
  @Index('uq_certificate_certificate_id', { unique: true })
  @Column({ name: 'certificate_id', type: 'text' })
  certificateId!: string;

  /** The dose the EU DCC certifies. */
  @Column({ name: 'vaccination_id', type: 'uuid' })
  vaccinationId!: string;

  @ManyToOne(() => VaccinationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vaccination_id', foreignKeyConstraintName: 'fk_certificate_vaccination' })
  vaccination?: VaccinationEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_certificate_person' })
  person?: PersonEntity;

  /** Every dose the certificate lists (the PDF and the SMART Health Card show the history): a correction of any of them revokes it. */
  @Column({ name: 'listed_vaccination_ids', type: 'uuid', array: true })
  listedVaccinationIds!: string[];

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason!: RevocationReason | null;
}
