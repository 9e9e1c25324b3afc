import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VaccineProductEntity } from './vaccine-product.entity';

/** A lot in stock. The checks make over-assignment or over-use impossible, whatever the code does. */
@Entity({ name: 'lot' })
@Index('uq_lot_product_number', ['productId', 'lotNumber'], { unique: true })
@Check('ck_lot_assigned', '"doses_assigned" >= 0 AND "doses_assigned" <= "doses_received"')
@Check('ck_lot_used', '"doses_used" >= 0 AND "doses_wasted" >= 0 AND "doses_used" + "doses_wasted" <= "doses_received"')
export class LotEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_lot' })
  id!: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId!: string;

  @ManyToOne(() => VaccineProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_lot_product' })
  product?: VaccineProductEntity;

  @Column({ name: 'lot_number', type: 'text' })
  lotNumber!: string;

  @Column({ name: 'expiry_date', type: 'date' })
  expiryDate!: string;

  @Column({ name: 'doses_received', type: 'integer' })
  dosesReceived!: number;

  @Column({ name: 'doses_assigned', type: 'integer', default: 0 })
  dosesAssigned!: number;

  @Column({ name: 'doses_used', type: 'integer', default: 0 })
  dosesUsed!: number;

  @Column({ name: 'doses_wasted', type: 'integer', default: 0 })
  dosesWasted!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
