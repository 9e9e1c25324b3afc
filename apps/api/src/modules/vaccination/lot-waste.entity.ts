import type { WasteReason } from '@vaccinate/api-contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LotEntity } from '../catalogue/lot.entity';
import { VaccinationDayEntity } from '../vaccination-day/vaccination-day.entity';

/** Doses of a lot that were discarded (an opened vial past its use time, a broken syringe, …), with the reason. */
@Entity({ name: 'lot_waste' })
@Check('ck_lot_waste_doses', '"doses" > 0')
export class LotWasteEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_lot_waste' })
  id!: string;

  @Index('ix_lot_waste_lot')
  @Column({ name: 'lot_id', type: 'uuid' })
  lotId!: string;

  @ManyToOne(() => LotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'fk_lot_waste_lot' })
  lot?: LotEntity;

  @Index('ix_lot_waste_day')
  @Column({ name: 'day_id', type: 'uuid', nullable: true })
  dayId!: string | null;

  @ManyToOne(() => VaccinationDayEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'day_id', foreignKeyConstraintName: 'fk_lot_waste_day' })
  day?: VaccinationDayEntity;

  @Column({ name: 'doses', type: 'integer' })
  doses!: number;

  @Column({ name: 'reason', type: 'text' })
  reason!: WasteReason;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
