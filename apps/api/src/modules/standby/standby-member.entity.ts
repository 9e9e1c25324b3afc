import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BookingEntity } from '../booking/booking.entity';
import { RegistrationEntity } from '../registration/registration.entity';

/** A time of day a standby member can come, local to the tenant, e.g. 12:00–14:00. */
export interface StandbyWindow {
  from: string;
  to: string;
}

/**
 * Someone who opted in, from a registration or a booking, to be offered spare doses. Contact
 * details are ciphertext copied from where they opted in.
 */
@Entity({ name: 'standby_member' })
@Index('ix_standby_member_order', ['active', 'priorityOrder', 'createdAt'])
export class StandbyMemberEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_standby_member' })
  id!: string;

  @Index('uq_standby_member_registration', { unique: true })
  @Column({ name: 'registration_id', type: 'uuid', nullable: true })
  registrationId!: string | null;

  @ManyToOne(() => RegistrationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'fk_standby_member_registration' })
  registration?: RegistrationEntity;

  @Index('uq_standby_member_booking', { unique: true })
  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId!: string | null;

  @ManyToOne(() => BookingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'fk_standby_member_booking' })
  booking?: BookingEntity;

  @Column({ name: 'given_name_encrypted', type: 'text' })
  givenNameEncrypted!: string;

  @Column({ name: 'email_encrypted', type: 'text' })
  emailEncrypted!: string;

  @Column({ name: 'phone_encrypted', type: 'text', nullable: true })
  phoneEncrypted!: string | null;

  @Column({ name: 'birth_date_encrypted', type: 'text' })
  birthDateEncrypted!: string;

  @Column({ name: 'locale', type: 'text' })
  locale!: 'de' | 'en';

  /** From the registration's priority group, as its keyed order (see PriorityOrder); members from a booking come after every group. */
  @Column({ name: 'priority_order', type: 'integer', nullable: true })
  priorityOrder!: number | null;

  /** Empty: any site. */
  @Column({ name: 'site_ids', type: 'uuid', array: true, default: () => "'{}'" })
  siteIds!: string[];

  /** Empty: any time of day. */
  @Column({ name: 'time_windows', type: 'jsonb', default: () => "'[]'" })
  timeWindows!: StandbyWindow[];

  /** No offer is sent between these local times (the span may cross midnight). */
  @Column({ name: 'quiet_from', type: 'time', nullable: true })
  quietFrom!: string | null;

  @Column({ name: 'quiet_to', type: 'time', nullable: true })
  quietTo!: string | null;

  @Column({ name: 'active', type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
