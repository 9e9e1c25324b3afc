import { Inject, Injectable } from '@nestjs/common';
import type { IssuedCertificateResponse } from '@vaccinate/api-contracts';
import { isIsoDate } from '@vaccinate/certificate-token';
import type { PoolClient } from 'pg';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { OutboxRepository } from '../outbox/outbox.repository';
import { buildCertificateContent, newCertificateId, type CertificateIssuer } from './certificate-content.builder';
import { CertificateException, CertificateExceptionCode } from './certificate.exception';
import { certificateMail, type CertificateOccasion } from './certificate-mail';
import { CertificateLinkRepository, newCertificateReference } from './certificate-link.repository';
import { CertificateRepository } from './certificate.repository';
import { CertificateSigner } from './certificate-signer';

/** How long a mailed certificate link (and the DCC in it) stays valid. */
export const CERTIFICATE_VALIDITY_DAYS = 365;

/** The certificate as `POST /api/vaccinations/:id/certificates` answers it. */
export type IssuedCertificate = IssuedCertificateResponse;

/**
 * Issues, revokes and re-issues certificates inside the caller's transaction, so a certificate
 * and its mail exist exactly when the documentation (or correction) that caused them commits.
 */
@Injectable()
export class CertificateIssuanceService {
  private readonly issuer: CertificateIssuer;

  constructor(
    private readonly certificates: CertificateRepository,
    private readonly signer: CertificateSigner,
    private readonly outbox: OutboxRepository,
    private readonly links: CertificateLinkRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.issuer = {
      tenantSlug: config.tenantSlug,
      issuerName: config.branding.displayName,
      country: config.certificates.country,
      timeZone: config.timeZone,
      namesVaccinator: config.certificates.namesVaccinator,
    };
  }

  /** Issues a certificate for a valid dose and queues its mail; answers the person it names. */
  async issue(client: PoolClient, vaccinationId: string, occasion: CertificateOccasion): Promise<IssuedCertificate & { personId: string }> {
    const found = await this.certificates.facts(client, vaccinationId);
    if (!found) throw new CertificateException(CertificateExceptionCode.VaccinationNotFound);
    if (!found.valid) throw new CertificateException(CertificateExceptionCode.VaccinationSuperseded);
    const { facts } = found;
    if (!isIsoDate(facts.holder.birthDate) || !(facts.holder.familyName.trim() || facts.holder.givenName.trim())) {
      throw new CertificateException(CertificateExceptionCode.HolderIncomplete);
    }
    const certificateId = newCertificateId(this.issuer);
    const content = buildCertificateContent(facts, this.issuer, certificateId);
    const issuedAt = new Date();
    const expiresAt = new Date(issuedAt.getTime() + CERTIFICATE_VALIDITY_DAYS * 86_400_000);
    const { token, record } = await this.signer.sign(content, issuedAt, expiresAt);
    await this.certificates.insert(client, {
      certificateId,
      vaccinationId,
      personId: facts.holder.personId,
      listedVaccinationIds: facts.listed.map((dose) => dose.vaccinationId),
      issuedAt,
      expiresAt,
    });
    const reference = newCertificateReference();
    await this.links.insert(client, reference, token, expiresAt);
    const certifiedDose = record.doses[record.doses.length - 1]!;
    await this.outbox.enqueue(
      client,
      certificateMail({
        holder: facts.holder,
        locale: facts.holder.locale ?? this.config.branding.defaultLocale,
        publicUrl: this.config.publicUrl,
        reference,
        productName: certifiedDose.productName,
        doseNumber: certifiedDose.doseNumber,
        seriesDoses: certifiedDose.seriesDoses,
        date: certifiedDose.date,
        expiresAt,
        occasion,
      }),
    );
    return { certificateId, vaccinationId, personId: facts.holder.personId, issuedAt: issuedAt.toISOString(), expiresAt: expiresAt.toISOString() };
  }

  /** A dose was corrected: every certificate listing it is revoked, and each certified dose gets a new one. */
  async reissueAfterVaccinationCorrection(client: PoolClient, previousId: string, currentId: string): Promise<void> {
    const certified = await this.certificates.revokeListing(client, previousId, 'vaccination_corrected');
    // The corrected dose gets a certificate even if the original never had one.
    await this.reissue(client, [currentId, ...certified.filter((id) => id !== previousId)]);
  }

  /** The person's name or birth date was corrected: every certificate of theirs is revoked and re-issued. */
  async reissueAfterPersonCorrection(client: PoolClient, personId: string): Promise<void> {
    await this.reissue(client, await this.certificates.revokeForPerson(client, personId, 'person_corrected'));
  }

  private async reissue(client: PoolClient, vaccinationIds: string[]): Promise<void> {
    for (const vaccinationId of new Set(vaccinationIds)) {
      const found = await this.certificates.facts(client, vaccinationId);
      // A dose corrected away (or superseded since) has no certificate to replace.
      if (found?.valid) await this.issue(client, vaccinationId, 'corrected');
    }
  }
}
