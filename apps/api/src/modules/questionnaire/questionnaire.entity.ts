import type { QuestionnaireQuestion } from '@vaccinate/api-contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One version of the tenant's pre-vaccination questionnaire. Versions are never changed, only added,
 * so every stored answer can be read against the questions the person actually saw.
 */
@Entity({ name: 'questionnaire' })
export class QuestionnaireEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_questionnaire' })
  id!: string;

  @Index('uq_questionnaire_version', { unique: true })
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'questions', type: 'jsonb' })
  questions!: QuestionnaireQuestion[];

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
