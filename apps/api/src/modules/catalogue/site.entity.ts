import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity({ name: 'site' })
export class SiteEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_site' })
  id!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'street', type: 'text' })
  street!: string;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ name: 'city', type: 'text' })
  city!: string;

  @Column({ name: 'opening_hours', type: 'text' })
  openingHours!: string;

  @Column({ name: 'stations', type: 'integer' })
  stations!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ name: 'version', type: 'integer' })
  version!: number;
}
