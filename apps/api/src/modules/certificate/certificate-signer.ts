import { Inject, Injectable } from '@nestjs/common';
import { issueCertificateToken, type IssuedCertificateRecord } from '@vaccinate/certificate-token';
import { encodeHc1 } from '@vaccinate/eu-dcc';
import { createHealthCardJws, shcKeyId } from '@vaccinate/smart-health-card';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import type { CertificateContent } from './certificate-content.builder';
import { shcRevocationId } from './shc-revocation-id';

/**
 * Signs with the tenant's ES256 key, the one `/.well-known/jwks.json` publishes: the EU DCC
 * (COSE, kid from the key's SPKI), the SMART Health Card (JWS, iss = the tenant's public URL) and
 * the record as a JWT, which is then encrypted for the holder.
 */
@Injectable()
export class CertificateSigner {
  private readonly keyId: Promise<string>;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    this.keyId = shcKeyId(config.tokenSigningKey);
  }

  async sign(content: CertificateContent, issuedAt: Date, expiresAt: Date): Promise<{ token: string; record: IssuedCertificateRecord }> {
    const privateKey = this.config.tokenSigningKey;
    const hc1 = encodeHc1(content.dccPayload, { issuerCountry: this.config.certificates.country, issuedAt, expiresAt, signer: { privateKey } });
    const shcJws = await createHealthCardJws(content.shcBundle, {
      issuer: this.config.publicUrl,
      privateKey,
      issuedAt,
      revocationId: shcRevocationId(content.record.certificateId),
    });
    const record: IssuedCertificateRecord = { ...content.record, hc1, shcJws, brandColor: this.config.branding.primaryColor };
    const token = await issueCertificateToken(record, {
      signingKey: { privateKey, kid: await this.keyId },
      secret: this.config.certificates.secret,
      issuer: this.config.publicUrl,
      issuedAt,
      expiresAt,
    });
    return { token, record };
  }
}
