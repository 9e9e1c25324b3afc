import { createHash, type X509Certificate } from 'node:crypto';
import type { DccTrustList, DccTrustListCertificate } from '@vaccinate/api-contracts';
import { dccKeyId } from '@vaccinate/eu-dcc';
import type { CertificateSigningKey } from '../../config/signing-keys';

/** The DSCs of the configured certificate keys, current and retired, and the CSCA that issued them. */
export function dccTrustList(keys: readonly CertificateSigningKey[], authority: X509Certificate): DccTrustList {
  const signers = keys.flatMap((key) => (key.signerCertificate ? [trustListEntry('DSC', key.signerCertificate)] : []));
  return { certificates: [...signers, trustListEntry('CSCA', authority)] };
}

function trustListEntry(certificateType: DccTrustListCertificate['certificateType'], certificate: X509Certificate): DccTrustListCertificate {
  return {
    certificateType,
    country: countryOf(certificate),
    kid: Buffer.from(dccKeyId(certificate)).toString('base64'),
    rawData: certificate.raw.toString('base64'),
    thumbprint: createHash('sha256').update(certificate.raw).digest('hex'),
    timestamp: new Date(certificate.validFrom).toISOString(),
  };
}

function countryOf(certificate: X509Certificate): string {
  const line = certificate.subject.split('\n').find((part) => part.startsWith('C='));
  return line?.slice(2) ?? '';
}
