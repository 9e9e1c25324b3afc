import type { InjectionRoute, InjectionSite, VaccinationStatus } from '@vaccinate/api-contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LotEntity } from '../catalogue/lot.entity';
import { SiteEntity } from '../catalogue/site.entity';
import { VaccineProductEntity } from '../catalogue/vaccine-product.entity';
import { PersonEntity } from '../people/person.entity';

/**
 * A documented dose. Never updated in place: a correction writes a new row that supersedes this one,
 * so the person's history shows every version and the reason for each change.
 */
@Entity({ name: 'vaccination' })
@Index('ix_vaccination_person', ['personId', 'administeredAt'])
@Index('uq_vaccination_visit_valid', ['visitId'], { unique: true, where: `"status" = 'valid' AND "visit_id" IS NOT NULL` })
@Check('ck_vaccination_dose_number', '"dose_number" >= 1 AND "dose_number" <= 20')
export class VaccinationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_vaccination' })
  id!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_vaccination_person' })
  person?: PersonEntity;

  @Column({ name: 'visit_id', type: 'uuid', nullable: true })
  visitId!: string | null;

  // Named, not imported: the visit flow reads these records, so this folder does not import the visit's back.
  @ManyToOne('VisitEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_vaccination_visit' })
  visit?: unknown;

  @Column({ name: 'product_id', type: 'uuid' })
  productId!: string;

  @ManyToOne(() => VaccineProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_vaccination_product' })
  product?: VaccineProductEntity;

  @Column({ name: 'lot_id', type: 'uuid' })
  lotId!: string;

  @ManyToOne(() => LotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'fk_vaccination_lot' })
  lot?: LotEntity;

  @Index('ix_vaccination_site_day')
  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_vaccination_site' })
  site?: SiteEntity;

  @Column({ name: 'dose_number', type: 'integer' })
  doseNumber!: number;

  /** Doses of the primary series (the DCC's `sd`); a booster is counted beyond it. */
  @Column({ name: 'series_doses', type: 'integer' })
  seriesDoses!: number;

  /** Why the derived dose number was overridden (e.g. a dose given abroad); free text, so encrypted. */
  @Column({ name: 'dose_number_reason_encrypted', type: 'text', nullable: true })
  doseNumberReasonEncrypted!: string | null;

  @Column({ name: 'injection_site', type: 'text' })
  injectionSite!: InjectionSite;

  @Column({ name: 'route', type: 'text' })
  route!: InjectionRoute;

  @Column({ name: 'vaccinator', type: 'text' })
  vaccinator!: string;

  @Column({ name: 'documented_by', type: 'text' })
  documentedBy!: string;

  @Column({ name: 'administered_at', type: 'timestamptz' })
  administeredAt!: Date;

  @Column({ name: 'status', type: 'text', default: 'valid' })
  status!: VaccinationStatus;

  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId!: string | null;

  @ManyToOne(() => VaccinationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'fk_vaccination_supersedes' })
  supersedes?: VaccinationEntity;

  @Column({ name: 'correction_reason_encrypted', type: 'text', nullable: true })
  correctionReasonEncrypted!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
