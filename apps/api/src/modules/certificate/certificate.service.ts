import { Inject, Injectable } from '@nestjs/common';
import type { CertificateLinkToken, CertificateRevocationList, IssuedCertificateResponse } from '@vaccinate/api-contracts';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { CertificateIssuanceService } from './certificate-issuance.service';
import { CertificateLinkRepository } from './certificate-link.repository';
import { CertificateException, CertificateExceptionCode } from './certificate.exception';
import { CertificateRepository } from './certificate.repository';
import { shcRevocationId } from './shc-revocation-id';

/** What staff and verifiers ask of certificates. */
@Injectable()
export class CertificateService {
  constructor(
    private readonly sql: Sql,
    private readonly issuance: CertificateIssuanceService,
    private readonly certificates: CertificateRepository,
    private readonly links: CertificateLinkRepository,
    private readonly audit: AuditService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** A doctor re-sends a certificate for any valid dose (a lost mail, a new address). */
  async issueOnRequest(vaccinationId: string): Promise<IssuedCertificateResponse> {
    const { personId, ...issued } = await this.sql.transaction((client) => this.issuance.issue(client, vaccinationId, 'requested'));
    // Issuing read the person's name, birth date and address.
    await this.audit.record(this.sql, 'person', 'read', [personId]);
    return issued;
  }

  /** The certificate page exchanges the mail's short reference for the token, which the holder's details open. */
  async exchangeLink(reference: string): Promise<CertificateLinkToken> {
    const found = await this.links.tokenFor(reference);
    if (!found) throw new CertificateException(CertificateExceptionCode.LinkNotFound);
    return { token: found.token, expiresAt: found.expiresAt.toISOString() };
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

  /**
   * The SMART Health Cards form of the list: `ctr` grows with every revocation (revocations are never
   * undone), so it is also the key's `crlVersion`; it starts at 1 as the standard asks.
   */
  async shcRevocationList(): Promise<{ method: 'rid'; ctr: number; rids: string[] }> {
    const revoked = await this.certificates.revocations();
    return { method: 'rid', ctr: revoked.length + 1, rids: revoked.map((revocation) => shcRevocationId(revocation.certificateId)) };
  }
}
