import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SiteEntity } from '../catalogue/site.entity';

/**
 * Staff released priority groups up to `upToRank`, for every site (no site) or for one site.
 * Rows are appended; the newest row per scope is in force.
 */
@Entity({ name: 'priority_release' })
@Index('ix_priority_release_scope', ['siteId', 'releasedAt'])
export class PriorityReleaseEntity {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_priority_release' })
  id!: number;

  /** 0 withdraws a release. */
  @Column({ name: 'up_to_rank', type: 'integer' })
  upToRank!: number;

  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  siteId!: string | null;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_priority_release_site' })
  site?: SiteEntity;

  @Column({ name: 'released_by', type: 'text' })
  releasedBy!: string;

  @CreateDateColumn({ name: 'released_at', type: 'timestamptz' })
  releasedAt!: Date;
}
