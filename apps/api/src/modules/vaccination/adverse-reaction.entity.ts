import type { ReactionSeverity } from '@vaccinate/api-contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VaccinationEntity } from './vaccination.entity';

/** A reaction observed after a dose. What happened is health data, so ciphertext. */
@Entity({ name: 'adverse_reaction' })
export class AdverseReactionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_adverse_reaction' })
  id!: string;

  @Index('ix_adverse_reaction_vaccination')
  @Column({ name: 'vaccination_id', type: 'uuid' })
  vaccinationId!: string;

  @ManyToOne(() => VaccinationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vaccination_id', foreignKeyConstraintName: 'fk_adverse_reaction_vaccination' })
  vaccination?: VaccinationEntity;

  @Column({ name: 'severity', type: 'text' })
  severity!: ReactionSeverity;

  @Column({ name: 'description_encrypted', type: 'text' })
  descriptionEncrypted!: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
