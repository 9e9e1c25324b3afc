import type { VaccinationDayStatus } from '@vaccinate/api-contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { SiteEntity } from '../catalogue/site.entity';

/** A day at a site. `doses_cap` is what its lots hold for it; bookings can never exceed it. */
@Entity({ name: 'vaccination_day' })
@Index('ix_vaccination_day_date', ['date'])
@Check('ck_vaccination_day_doses', '"doses_booked" >= 0 AND "doses_booked" <= "doses_cap"')
export class VaccinationDayEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_vaccination_day' })
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_vaccination_day_site' })
  site?: SiteEntity;

  @Column({ name: 'date', type: 'date' })
  date!: string;

  @Column({ name: 'opens_at', type: 'time' })
  opensAt!: string;

  @Column({ name: 'closes_at', type: 'time' })
  closesAt!: string;

  @Column({ name: 'slot_minutes', type: 'integer' })
  slotMinutes!: number;

  @Column({ name: 'status', type: 'text', default: 'scheduled' })
  status!: VaccinationDayStatus;

  @Column({ name: 'doses_cap', type: 'integer' })
  dosesCap!: number;

  /**
   * Doses booked, counted only while the cap can bind (the slots together could take more than
   * `doses_cap`): otherwise the slot capacities already keep the day within its doses, and every
   * booking of the day would queue on this one row for nothing.
   */
  @Column({ name: 'doses_booked', type: 'integer', default: 0 })
  dosesBooked!: number;

  @Column({ name: 'doses_cap_binding', type: 'boolean', default: true })
  dosesCapBinding!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ name: 'version', type: 'integer' })
  version!: number;
}
