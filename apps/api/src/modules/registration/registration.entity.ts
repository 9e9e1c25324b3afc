import type { REGISTRATION_STATUSES } from '@vaccinate/api-contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BookingEntity } from '../booking/booking.entity';
import { VaccineProductEntity } from '../catalogue/vaccine-product.entity';

export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/**
 * A person on the waiting list: the protective layer in front of booking. One row, written once
 * and committed before the answer; personal fields are ciphertext, the e-mail is a blind index.
 */
@Entity({ name: 'registration' })
@Index('ix_registration_queue', ['status', 'createdAt'])
@Index('ix_registration_allocation_order', ['status', 'priorityOrder', 'createdAt'])
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_registration' })
  id!: string;

  @Index('uq_registration_tracking_code', { unique: true })
  @Column({ name: 'tracking_code', type: 'text' })
  trackingCode!: string;

  @Column({ name: 'given_name_encrypted', type: 'text' })
  givenNameEncrypted!: string;

  @Column({ name: 'family_name_encrypted', type: 'text' })
  familyNameEncrypted!: string;

  @Column({ name: 'email_encrypted', type: 'text' })
  emailEncrypted!: string;

  @Index('uq_registration_email_index', { unique: true })
  @Column({ name: 'email_index', type: 'text' })
  emailIndex!: string;

  @Column({ name: 'birth_date_encrypted', type: 'text' })
  birthDateEncrypted!: string;

  @Column({ name: 'phone_encrypted', type: 'text', nullable: true })
  phoneEncrypted!: string | null;

  /** Occupations and questionnaire answers: what priority groups are decided on; health data, so encrypted. */
  @Column({ name: 'profile_encrypted', type: 'text' })
  profileEncrypted!: string;

  @Column({ name: 'product_id', type: 'uuid', nullable: true })
  productId!: string | null;

  @ManyToOne(() => VaccineProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_registration_product' })
  product?: VaccineProductEntity;

  @Column({ name: 'preferred_site_ids', type: 'uuid', array: true, default: () => "'{}'" })
  preferredSiteIds!: string[];

  /** ISO weekdays 1-7 the person can come on; empty = any. */
  @Column({ name: 'preferred_weekdays', type: 'smallint', array: true, default: () => "'{}'" })
  preferredWeekdays!: number[];

  @Column({ name: 'status', type: 'text', default: 'queued' })
  status!: RegistrationStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /**
   * The priority group the tenant's rules put the person in, as an opaque keyed order (see
   * PriorityOrder): it sorts and compares like the rank but does not say it. Null when no group
   * matches (never released). A group's id or rank can name an occupation or a condition.
   */
  @Column({ name: 'priority_order', type: 'integer', nullable: true })
  priorityOrder!: number | null;

  /** Why a released registration is still queued (no matching slot, not eligible, ...), for staff. */
  @Column({ name: 'queue_reason', type: 'text', nullable: true })
  queueReason!: string | null;

  /** When the allocator may look at this registration again after an unmet attempt. */
  @Column({ name: 'allocation_due_at', type: 'timestamptz', nullable: true })
  allocationDueAt!: Date | null;

  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId!: string | null;

  @ManyToOne(() => BookingEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'fk_registration_booking' })
  booking?: BookingEntity;
}
