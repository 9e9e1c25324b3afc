import { Inject, Injectable } from '@nestjs/common';
import type { DccTrustList } from '@vaccinate/api-contracts';
import { issueCertificateToken, type IssuedCertificateRecord } from '@vaccinate/certificate-token';
import { encodeHc1 } from '@vaccinate/eu-dcc';
import { createHealthCardJws } from '@vaccinate/smart-health-card';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { signerValidityAt } from '../../config/signing-keys';
import { publishedKey, type PublishedKey } from '../auth/token.service';
import type { CertificateContent } from './certificate-content.builder';
import { CertificateException, CertificateExceptionCode } from './certificate.exception';
import { dccTrustList } from './dcc-trust-list';
import { shcRevocationId } from './shc-revocation-id';

/**
 * Signs with the tenant's current certificate key, never the staff-token key: the EU DCC (COSE,
 * kid from the key's Document Signer Certificate), the SMART Health Card (JWS, iss = the tenant's
 * public URL) and the record as a JWT, which is then encrypted for the holder. One key serves all
 * three: they are the same record, valid for the same time, so they rotate together.
 * `/.well-known/jwks.json` publishes every configured certificate key, the trust list their DSCs.
 * Nothing is signed outside the current DSC's validity: verifiers would refuse it.
 */
@Injectable()
export class CertificateSigner {
  private readonly keys: Promise<PublishedKey[]>;
  private readonly currentKid: Promise<string>;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    this.keys = Promise.all(config.certificateKeys.keys.map(publishedKey));
    this.currentKid = publishedKey(config.certificateKeys.current).then((key) => key.kid);
  }

  async sign(content: CertificateContent, issuedAt: Date, expiresAt: Date): Promise<{ token: string; record: IssuedCertificateRecord }> {
    const { id, privateKey, signerCertificate } = this.config.certificateKeys.current;
    const validity = signerCertificate ? signerValidityAt(signerCertificate, issuedAt) : undefined;
    if (validity && validity.state !== 'valid') {
      // The key's label and the DSC's dates only: what the operator needs, nothing about the holder.
      this.logger.error(
        { code: CertificateExceptionCode.SignerNotValid, key: id, state: validity.state, notBefore: validity.notBefore, notAfter: validity.notAfter },
        'certificate not signed: the current DSC is not valid',
      );
      throw new CertificateException(CertificateExceptionCode.SignerNotValid);
    }
    const hc1 = encodeHc1(content.dccPayload, {
      issuerCountry: this.config.certificates.country,
      issuedAt,
      expiresAt,
      signer: { privateKey, ...(signerCertificate ? { certificate: signerCertificate } : {}) },
    });
    const shcJws = await createHealthCardJws(content.shcBundle, {
      issuer: this.config.publicUrl,
      privateKey,
      issuedAt,
      revocationId: shcRevocationId(content.record.certificateId),
    });
    const record: IssuedCertificateRecord = { ...content.record, hc1, shcJws, brandColor: this.config.branding.primaryColor };
    const token = await issueCertificateToken(record, {
      signingKey: { privateKey, kid: await this.currentKid },
      secret: this.config.certificates.secret,
      issuer: this.config.publicUrl,
      issuedAt,
      expiresAt,
    });
    return { token, record };
  }

  /** Every certificate key, current and retired: what verifies a certificate still valid. */
  publishedKeys(): Promise<PublishedKey[]> {
    return this.keys;
  }

  trustList(): DccTrustList {
    return dccTrustList(this.config.certificateKeys.keys, this.config.certificateAuthority);
  }
}
