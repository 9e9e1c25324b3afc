import type { FollowUpInterval } from '@vaccinate/api-contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A vaccine product with its dose schedule and EU DCC codes. */
@Entity({ name: 'vaccine_product' })
export class VaccineProductEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_vaccine_product' })
  id!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'manufacturer', type: 'text' })
  manufacturer!: string;

  @Column({ name: 'eu_product_code', type: 'text' })
  euProductCode!: string;

  @Column({ name: 'marketing_authorisation_holder', type: 'text' })
  marketingAuthorisationHolder!: string;

  @Column({ name: 'prophylaxis_code', type: 'text' })
  prophylaxisCode!: string;

  @Column({ name: 'primary_doses', type: 'integer' })
  primaryDoses!: number;

  @Column({ name: 'follow_up_intervals', type: 'jsonb' })
  followUpIntervals!: FollowUpInterval[];

  @Column({ name: 'booster_min_days_after_series', type: 'integer', nullable: true })
  boosterMinDaysAfterSeries!: number | null;

  @Column({ name: 'min_age_years', type: 'integer' })
  minAgeYears!: number;

  @Column({ name: 'max_age_years', type: 'integer', nullable: true })
  maxAgeYears!: number | null;

  @Column({ name: 'active', type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ name: 'version', type: 'integer' })
  version!: number;
}
