export type { CertificateRecord, CertifiedDose, IssuedCertificateRecord } from './certificate-record';
export {
  issueCertificateToken,
  openCertificateToken,
  type IssueCertificateTokenOptions,
  type OpenCertificateTokenOptions,
  type OpenedCertificate,
} from './certificate-token';
export { CertificateTokenError, type CertificateTokenErrorCode } from './certificate-token.error';
export { canonicalName, canonicalPersonalData, isIsoDate, type PersonalData } from './personal-data';
export { SALT_BYTES, deriveTokenKey, type CertificateSecret } from './token-key';
