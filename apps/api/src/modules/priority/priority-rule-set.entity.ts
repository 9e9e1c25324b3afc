import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One saved version of the tenant's priority rules and product eligibility limits. Versions are
 * kept, never overwritten: the newest row is in force, the older ones say what was in force when.
 */
@Entity({ name: 'priority_rule_set' })
export class PriorityRuleSetEntity {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_priority_rule_set' })
  id!: number;

  /** A PriorityRules document of @vaccinate/priority-rules; validated before it is written. */
  @Column({ name: 'rules', type: 'jsonb' })
  rules!: unknown;

  /** Per product: age limits tighter than the product's own, e.g. a tenant that offers a product only from 30. */
  @Column({ name: 'eligibility', type: 'jsonb', default: () => "'[]'" })
  eligibility!: unknown;

  @Column({ name: 'saved_by', type: 'text' })
  savedBy!: string;

  @CreateDateColumn({ name: 'saved_at', type: 'timestamptz' })
  savedAt!: Date;
}
