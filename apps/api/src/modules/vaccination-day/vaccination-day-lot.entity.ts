import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LotEntity } from '../catalogue/lot.entity';
import { VaccinationDayEntity } from './vaccination-day.entity';

/** Doses of a lot promised to a day. */
@Entity({ name: 'vaccination_day_lot' })
@Check('ck_vaccination_day_lot_doses', '"doses" > 0')
export class VaccinationDayLotEntity {
  @PrimaryColumn({ name: 'day_id', type: 'uuid', primaryKeyConstraintName: 'pk_vaccination_day_lot' })
  dayId!: string;

  @PrimaryColumn({ name: 'lot_id', type: 'uuid', primaryKeyConstraintName: 'pk_vaccination_day_lot' })
  lotId!: string;

  @ManyToOne(() => VaccinationDayEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'day_id', foreignKeyConstraintName: 'fk_vaccination_day_lot_day' })
  day?: VaccinationDayEntity;

  @ManyToOne(() => LotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'fk_vaccination_day_lot_lot' })
  lot?: LotEntity;

  @Column({ name: 'doses', type: 'integer' })
  doses!: number;
}
