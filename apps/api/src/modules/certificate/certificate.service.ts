import { Inject, Injectable } from '@nestjs/common';
import type { CertificateRevocationList, IssuedCertificateResponse } from '@vaccinate/api-contracts';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { CertificateIssuanceService } from './certificate-issuance.service';
import { CertificateRepository } from './certificate.repository';
import { shcRevocationId } from './shc-revocation-id';

/** What staff and verifiers ask of certificates. */
@Injectable()
export class CertificateService {
  constructor(
    private readonly sql: Sql,
    private readonly issuance: CertificateIssuanceService,
    private readonly certificates: CertificateRepository,
    private readonly audit: AuditService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** A doctor re-sends a certificate for any valid dose (a lost mail, a new address). */
  async issueOnRequest(vaccinationId: string): Promise<IssuedCertificateResponse> {
    const { personId, ...issued } = await this.sql.transaction((client) => this.issuance.issue(client, vaccinationId, 'requested'));
    // Issuing read the person's name, birth date and address.
    await this.audit.record('person', 'read', [personId]);
    return issued;
  }

  async revocations(): Promise<CertificateRevocationList> {
    const revoked = await this.certificates.revocations();
    return {
      issuer: this.config.publicUrl,
      generatedAt: new Date().toISOString(),
      revoked: revoked.map((revocation) => ({
        certificateId: revocation.certificateId,
        shcRevocationId: shcRevocationId(revocation.certificateId),
        revokedAt: revocation.revokedAt.toISOString(),
      })),
    };
  }
}
