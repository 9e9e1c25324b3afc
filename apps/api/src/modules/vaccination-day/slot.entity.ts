import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VaccinationDayEntity } from './vaccination-day.entity';

/** A time slot with a capacity per dose kind. The checks are the last line against overbooking. */
@Entity({ name: 'slot' })
@Index('ix_slot_day_starts_at', ['dayId', 'startsAt'])
@Check('ck_slot_first', '"booked_first" >= 0 AND "booked_first" <= "capacity_first"')
@Check('ck_slot_follow_up', '"booked_follow_up" >= 0 AND "booked_follow_up" <= "capacity_follow_up"')
@Check('ck_slot_booster', '"booked_booster" >= 0 AND "booked_booster" <= "capacity_booster"')
export class SlotEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_slot' })
  id!: string;

  @Column({ name: 'day_id', type: 'uuid' })
  dayId!: string;

  @ManyToOne(() => VaccinationDayEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'day_id', foreignKeyConstraintName: 'fk_slot_day' })
  day?: VaccinationDayEntity;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'capacity_first', type: 'integer' })
  capacityFirst!: number;

  @Column({ name: 'capacity_follow_up', type: 'integer' })
  capacityFollowUp!: number;

  @Column({ name: 'capacity_booster', type: 'integer' })
  capacityBooster!: number;

  @Column({ name: 'booked_first', type: 'integer', default: 0 })
  bookedFirst!: number;

  @Column({ name: 'booked_follow_up', type: 'integer', default: 0 })
  bookedFollowUp!: number;

  @Column({ name: 'booked_booster', type: 'integer', default: 0 })
  bookedBooster!: number;
}
