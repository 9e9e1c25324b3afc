import { CertificateTokenError, openCertificateToken, type CertificateSecret } from '@vaccinate/certificate-token';
import { CertificateException, CertificateProblemCode } from './certificate.exception';
import type { CertificateRequest } from './certificate-request';
import { isIssuedCertificateRecord, type IssuedCertificateRecord } from './issued-certificate-record';
import { IssuerUnavailableError, type IssuerKeySetCache } from './issuer-key-set.cache';

export interface OpenedIssuedCertificate {
  record: IssuedCertificateRecord;
  issuer: string;
  issuedAt: Date;
  expiresAt: Date;
}

const MISMATCH = 'These details do not match.';

/**
 * Opens a token for the holder. The token's only unencrypted pointer to its issuer is the secret
 * id in the JWE header; secret ids are unique across configured issuers, so it selects exactly one
 * issuer (or none: the same answer as wrong personal data). Only that issuer's key set is fetched.
 */
export class CertificateOpenerService {
  private readonly issuerBySecretId = new Map<string, string>();

  constructor(
    private readonly issuers: ReadonlyMap<string, CertificateSecret[]>,
    private readonly keySets: IssuerKeySetCache,
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const [issuer, secrets] of issuers) for (const secret of secrets) this.issuerBySecretId.set(secret.id, issuer);
  }

  async open(request: CertificateRequest): Promise<OpenedIssuedCertificate> {
    const issuer = this.issuerOf(request.token);
    const secrets = this.issuers.get(issuer) ?? [];
    const jwks = await this.keySet(issuer);
    const options = { personalData: request.personalData, secrets, issuer, now: this.now() };
    let opened;
    try {
      opened = await openCertificateToken(request.token, { ...options, jwks });
    } catch (error) {
      // A signature by an unknown key may mean the issuer rotated keys since the last fetch.
      const fresh = isCode(error, 'signature_invalid') ? await this.keySets.refreshIfStale(issuer).catch(() => undefined) : undefined;
      if (!fresh) throw toException(error);
      try {
        opened = await openCertificateToken(request.token, { ...options, jwks: fresh });
      } catch (retryError) {
        throw toException(retryError);
      }
    }
    if (!isIssuedCertificateRecord(opened.record)) {
      throw new CertificateException(CertificateProblemCode.InvalidRequest, 'The certificate token does not carry a complete certificate.', [
        { field: 'token', message: 'does not carry a complete certificate' },
      ]);
    }
    return { record: opened.record, issuer: opened.issuer, issuedAt: opened.issuedAt, expiresAt: opened.expiresAt };
  }

  private issuerOf(token: string): string {
    const issuer = this.issuerBySecretId.get(secretIdOf(token) ?? '');
    if (!issuer) throw new CertificateException(CertificateProblemCode.DetailsMismatch, MISMATCH);
    return issuer;
  }

  private async keySet(issuer: string) {
    try {
      return await this.keySets.get(issuer);
    } catch (error) {
      if (!(error instanceof IssuerUnavailableError)) throw error;
      throw new CertificateException(CertificateProblemCode.IssuerUnavailable, 'The certificate issuer cannot be reached; try again shortly.', undefined, 30);
    }
  }
}

/** The `kid` of the JWE protected header, read without trusting it: it only picks a secret to try. */
function secretIdOf(token: string): string | undefined {
  const header = token.split('.')[0] ?? '';
  try {
    const parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid?: unknown } | null;
    return typeof parsed?.kid === 'string' ? parsed.kid : undefined;
  } catch {
    return undefined;
  }
}

function isCode(error: unknown, code: CertificateTokenError['code']): boolean {
  return error instanceof CertificateTokenError && error.code === code;
}

function toException(error: unknown): unknown {
  if (!(error instanceof CertificateTokenError)) return error;
  switch (error.code) {
    case 'details_mismatch':
      return new CertificateException(CertificateProblemCode.DetailsMismatch, MISMATCH);
    case 'signature_invalid':
      return new CertificateException(CertificateProblemCode.SignatureInvalid, 'The certificate is not signed by its issuer.');
    case 'expired':
      return new CertificateException(CertificateProblemCode.Expired, 'This certificate link has expired; ask for a new one.');
    case 'malformed':
      return new CertificateException(CertificateProblemCode.InvalidRequest, 'The request has invalid fields.', [
        { field: 'token', message: 'is not a certificate token' },
      ]);
  }
}
