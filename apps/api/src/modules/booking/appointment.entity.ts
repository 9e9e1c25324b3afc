import type { DoseKind } from '@vaccinate/api-contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SlotEntity } from '../vaccination-day/slot.entity';
import { BookingEntity } from './booking.entity';

/** One dose of a booking in one slot. */
@Entity({ name: 'appointment' })
@Index('ix_appointment_slot', ['slotId'])
export class AppointmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_appointment' })
  id!: string;

  @Index('ix_appointment_booking')
  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @ManyToOne(() => BookingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'fk_appointment_booking' })
  booking?: BookingEntity;

  @Column({ name: 'slot_id', type: 'uuid' })
  slotId!: string;

  @ManyToOne(() => SlotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'slot_id', foreignKeyConstraintName: 'fk_appointment_slot' })
  slot?: SlotEntity;

  @Column({ name: 'dose_kind', type: 'text' })
  doseKind!: DoseKind;

  @Column({ name: 'dose_number', type: 'integer' })
  doseNumber!: number;

  @Column({ name: 'status', type: 'text', default: 'booked' })
  status!: 'booked' | 'cancelled';

  /** When the reminder mail for the day before was queued; set once so nobody is reminded twice. */
  @Column({ name: 'reminder_sent_at', type: 'timestamptz', nullable: true })
  reminderSentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
