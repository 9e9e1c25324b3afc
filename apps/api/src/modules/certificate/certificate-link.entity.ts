import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What a certificate mail's short link stands for: the reference itself is never stored (only its
 * hash), the token is sealed like every other secret, and the link ends with the certificate.
 */
@Entity({ name: 'certificate_link' })
export class CertificateLinkEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_certificate_link' })
  id!: string;

  @Index('uq_certificate_link_reference_hash', { unique: true })
  @Column({ name: 'reference_hash', type: 'text' })
  referenceHash!: string;

  @Column({ name: 'token_encrypted', type: 'text' })
  tokenEncrypted!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
