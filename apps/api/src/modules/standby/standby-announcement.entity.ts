import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SiteEntity } from '../catalogue/site.entity';
import { VaccineProductEntity } from '../catalogue/vaccine-product.entity';

/** "N doses of product P left at site S until T": offered to standby members until taken or over. */
@Entity({ name: 'standby_announcement' })
@Index('ix_standby_announcement_open', ['status', 'availableUntil'])
@Check('ck_standby_announcement_taken', '"taken" >= 0 AND "taken" <= "doses"')
@Check('ck_standby_announcement_doses', '"doses" > 0')
export class StandbyAnnouncementEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_standby_announcement' })
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_standby_announcement_site' })
  site?: SiteEntity;

  @Column({ name: 'product_id', type: 'uuid' })
  productId!: string;

  @ManyToOne(() => VaccineProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_standby_announcement_product' })
  product?: VaccineProductEntity;

  @Column({ name: 'doses', type: 'integer' })
  doses!: number;

  /** Confirmed offers; the CHECK makes going beyond the doses impossible, whatever the code does. */
  @Column({ name: 'taken', type: 'integer', default: 0 })
  taken!: number;

  @Column({ name: 'available_until', type: 'timestamptz' })
  availableUntil!: Date;

  @Column({ name: 'offer_minutes', type: 'integer', default: 30 })
  offerMinutes!: number;

  /** Offers open at once per dose left: 1.5 offers two people for one dose, the first to confirm gets it. */
  @Column({ name: 'overbooking_factor', type: 'numeric', precision: 4, scale: 2, default: () => '1.50' })
  overbookingFactor!: string;

  @Column({ name: 'status', type: 'text', default: 'open' })
  status!: 'open' | 'closed';

  @Column({ name: 'announced_by', type: 'text' })
  announcedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
