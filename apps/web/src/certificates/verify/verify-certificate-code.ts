import { UnreadableCodeError, type CertificateVerification } from './certificate-verification';
import { verifyHc1 } from './hc1-verifier';
import type { IssuerDirectory } from './issuer-directory';
import { verifyShc } from './shc-verifier';

/** An `HC1:` or `shc:/` text, as scanned or pasted. */
export function verifyCertificateCode(text: string, issuers: IssuerDirectory, now = new Date()): Promise<CertificateVerification> {
  const trimmed = text.trim();
  if (trimmed.startsWith('HC1:')) return verifyHc1(trimmed, issuers, now);
  if (trimmed.toLowerCase().startsWith('shc:/')) return verifyShc(trimmed, issuers, now);
  return Promise.reject(new UnreadableCodeError('neither HC1: nor shc:/'));
}
