import type { IdentityDocument, VisitState } from '@vaccinate/api-contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { AppointmentEntity } from '../booking/appointment.entity';
import { PersonEntity } from '../people/person.entity';
import { VaccinationDayEntity } from '../vaccination-day/vaccination-day.entity';

/**
 * A person's visit on a vaccination day, from check-in to check-out. One per appointment; walk-ins
 * get an appointment booked on the spot first. The answers to the questionnaire are health data, so ciphertext.
 */
@Entity({ name: 'visit' })
@Index('ix_visit_day_state', ['dayId', 'state'])
export class VisitEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_visit' })
  id!: string;

  @Index('uq_visit_appointment', { unique: true })
  @Column({ name: 'appointment_id', type: 'uuid' })
  appointmentId!: string;

  @ManyToOne(() => AppointmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'appointment_id', foreignKeyConstraintName: 'fk_visit_appointment' })
  appointment?: AppointmentEntity;

  @Column({ name: 'day_id', type: 'uuid' })
  dayId!: string;

  @ManyToOne(() => VaccinationDayEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'day_id', foreignKeyConstraintName: 'fk_visit_day' })
  day?: VaccinationDayEntity;

  @Index('ix_visit_person')
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_visit_person' })
  person?: PersonEntity;

  @Column({ name: 'state', type: 'text' })
  state!: VisitState;

  @Column({ name: 'walk_in', type: 'boolean', default: false })
  walkIn!: boolean;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt!: Date | null;

  @Column({ name: 'checked_in_by', type: 'text', nullable: true })
  checkedInBy!: string | null;

  /** Which document identity was checked against; the document's number is never stored. */
  @Column({ name: 'identity_document', type: 'text', nullable: true })
  identityDocument!: IdentityDocument | null;

  @Column({ name: 'questionnaire_version', type: 'integer', nullable: true })
  questionnaireVersion!: number | null;

  @Column({ name: 'answers_encrypted', type: 'text', nullable: true })
  answersEncrypted!: string | null;

  @Column({ name: 'consent_at', type: 'timestamptz', nullable: true })
  consentAt!: Date | null;

  /** The doctor who looked at the flagged answers before the dose, and when; cleared when the answers change. */
  @Column({ name: 'flags_acknowledged_by', type: 'text', nullable: true })
  flagsAcknowledgedBy!: string | null;

  @Column({ name: 'flags_acknowledged_at', type: 'timestamptz', nullable: true })
  flagsAcknowledgedAt!: Date | null;

  @Column({ name: 'observation_until', type: 'timestamptz', nullable: true })
  observationUntil!: Date | null;

  @Column({ name: 'checked_out_at', type: 'timestamptz', nullable: true })
  checkedOutAt!: Date | null;

  /** Why the person left before observation ended; may describe their health, so ciphertext. */
  @Column({ name: 'early_check_out_reason_encrypted', type: 'text', nullable: true })
  earlyCheckOutReasonEncrypted!: string | null;

  @Column({ name: 'no_show_at', type: 'timestamptz', nullable: true })
  noShowAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn({ name: 'version', type: 'integer' })
  version!: number;
}
