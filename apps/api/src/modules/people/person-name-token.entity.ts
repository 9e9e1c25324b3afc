import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonEntity } from './person.entity';

/**
 * One blind-index token of a normalised name prefix of a person (see docs/people-search.md): an HMAC
 * under the tenant's key, never the prefix itself, so a name search needs no plaintext name column.
 */
@Entity({ name: 'person_name_token' })
export class PersonNameTokenEntity {
  @PrimaryColumn({ name: 'token', type: 'text', primaryKeyConstraintName: 'pk_person_name_token' })
  token!: string;

  @Index('ix_person_name_token_person_id')
  @PrimaryColumn({ name: 'person_id', type: 'uuid', primaryKeyConstraintName: 'pk_person_name_token' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_person_name_token_person' })
  person?: PersonEntity;
}
