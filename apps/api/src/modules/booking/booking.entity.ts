import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { VaccineProductEntity } from '../catalogue/vaccine-product.entity';
import { PersonEntity } from '../people/person.entity';

/**
 * A person's booking of a vaccine series. At most one active booking per person and product;
 * the idempotency key makes a retried request return the first answer instead of booking twice.
 */
@Entity({ name: 'booking' })
@Index('uq_booking_active_person_product', ['personId', 'productId'], { unique: true, where: `"status" = 'active'` })
export class BookingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_booking' })
  id!: string;

  @Index('uq_booking_code', { unique: true })
  @Column({ name: 'code', type: 'text' })
  code!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_booking_person' })
  person?: PersonEntity;

  @Column({ name: 'product_id', type: 'uuid' })
  productId!: string;

  @ManyToOne(() => VaccineProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_booking_product' })
  product?: VaccineProductEntity;

  @Column({ name: 'status', type: 'text', default: 'active' })
  status!: 'active' | 'cancelled';

  /** Language of the mails about this booking. */
  @Column({ name: 'locale', type: 'text' })
  locale!: 'de' | 'en';

  /** SHA-256 of the manage token; the token itself is only ever in the person's link. */
  @Index('uq_booking_manage_token_hash', { unique: true })
  @Column({ name: 'manage_token_hash', type: 'text' })
  manageTokenHash!: string;

  /** The manage token, encrypted, so a retried request can be answered with the same link. */
  @Column({ name: 'manage_token_encrypted', type: 'text' })
  manageTokenEncrypted!: string;

  @Index('uq_booking_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
