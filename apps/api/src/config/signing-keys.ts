import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** One entry of a key ring: its public half always, its private half only while it may still sign. */
export interface SigningKey {
  /** The operator's label (`v1`, `v2`): picks the current key; published kids are derived from the key itself. */
  id: string;
  publicKey: KeyObject;
  privateKey: KeyObject | null;
}

/** The key new signatures use, and every key whose signatures must still verify (retired keys stay until what they signed has expired). */
export interface SigningKeyRing<Key extends SigningKey = SigningKey> {
  current: Key & { privateKey: KeyObject };
  keys: Key[];
}

export interface CertificateSigningKey extends SigningKey {
  /** The Document Signer Certificate of this key; the HC1 kid is derived from it. Null for a retired key signed before DSCs existed. */
  signerCertificate: X509Certificate | null;
}

const ENTRY_ID = /^[a-z0-9][a-z0-9._-]{0,31}$/;

/**
 * `<id>:<base64 DER>[,<id>:<base64 DER>...]`: a PKCS#8 private key or, for a retired key, its SPKI public key.
 * Problems name the variable and the entry id, never a value.
 */
export function readSigningKeyRing(
  variable: string,
  currentVariable: string,
  value: string | undefined,
  current: string | undefined,
  problems: string[],
): SigningKeyRing | undefined {
  if (!value) {
    problems.push(`${variable}: is required`);
    return undefined;
  }
  if (!current) problems.push(`${currentVariable}: is required`);
  const keys: SigningKey[] = [];
  const before = problems.length;
  for (const [index, entry] of value.split(',').entries()) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator).trim();
    if (separator <= 0 || !ENTRY_ID.test(id)) {
      problems.push(`${variable}: entry ${index + 1} must be <id>:<base64 DER> with a lower-case id such as v1`);
      continue;
    }
    if (keys.some((key) => key.id === id)) problems.push(`${variable}: key ${id} is listed twice`);
    const key = readKey(entry.slice(separator + 1).trim());
    if (!key) problems.push(`${variable}: key ${id} must be a P-256 private key (PKCS#8 DER) or public key (SPKI DER), base64`);
    else keys.push({ id, ...key });
  }
  if (problems.length > before || !current) return undefined;
  const currentKey = keys.find((key) => key.id === current);
  if (!currentKey) {
    problems.push(`${currentVariable}: names no key of ${variable}`);
    return undefined;
  }
  if (!currentKey.privateKey) {
    problems.push(`${variable}: the current key ${current} must be a private key`);
    return undefined;
  }
  return { current: { ...currentKey, privateKey: currentKey.privateKey }, keys };
}

/**
 * `<key id>:<base64 DER>` pairs: each certificate key's DSC. The current key must have one, issued
 * by the CSCA, for this key, in the certificates' country (EU verifiers check all three).
 */
export function attachSignerCertificates(
  ring: SigningKeyRing,
  value: string | undefined,
  csca: X509Certificate | undefined,
  /** Undefined while CERTIFICATE_COUNTRY itself is invalid: that problem is reported once, there. */
  country: string | undefined,
  problems: string[],
  now = new Date(),
): SigningKeyRing<CertificateSigningKey> | undefined {
  const variable = 'CERTIFICATE_SIGNER_CERTIFICATES';
  const certificates = new Map<string, X509Certificate>();
  for (const [index, entry] of (value ?? '')
    .split(',')
    .filter((part) => part.trim())
    .entries()) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator).trim();
    const certificate = separator > 0 ? readCertificate(entry.slice(separator + 1)) : undefined;
    if (!certificate) {
      problems.push(`${variable}: entry ${index + 1} must be <key id>:<base64 DER of an X.509 certificate>`);
      continue;
    }
    const key = ring.keys.find((candidate) => candidate.id === id);
    if (!key) problems.push(`${variable}: ${id} names no key of CERTIFICATE_SIGNING_KEYS`);
    else if (!certificate.publicKey.equals(key.publicKey)) problems.push(`${variable}: the certificate of ${id} is not for that key`);
    else if (csca && !(certificate.checkIssued(csca) && certificate.verify(csca.publicKey)))
      problems.push(`${variable}: the certificate of ${id} is not issued by CERTIFICATE_CSCA`);
    else if (country && !certificate.subject.split('\n').includes(`C=${country}`)) problems.push(`${variable}: the certificate of ${id} is not of CERTIFICATE_COUNTRY`);
    else certificates.set(id, certificate);
  }
  const currentCertificate = certificates.get(ring.current.id);
  if (!currentCertificate && !problems.some((problem) => problem.startsWith(variable))) {
    problems.push(`${variable}: the current certificate key ${ring.current.id} has no Document Signer Certificate`);
  }
  // Verifiers refuse codes signed outside the DSC's validity: better not to start than to issue them.
  const validity = currentCertificate ? signerValidityAt(currentCertificate, now) : undefined;
  if (validity && validity.state !== 'valid') {
    const when = validity.state === 'expired' ? `expired on ${validity.notAfter.toISOString()}` : `is valid only from ${validity.notBefore.toISOString()}`;
    problems.push(`${variable}: the certificate of the current key ${ring.current.id} ${when}; rotate to a key with a valid DSC (docs/signing-keys.md)`);
  }
  if (problems.length > 0) return undefined;
  const withCertificate = (key: SigningKey): CertificateSigningKey => ({ ...key, signerCertificate: certificates.get(key.id) ?? null });
  return { current: { ...withCertificate(ring.current), privateKey: ring.current.privateKey }, keys: ring.keys.map(withCertificate) };
}

export interface SignerValidity {
  state: 'valid' | 'expired' | 'not_yet_valid';
  notBefore: Date;
  notAfter: Date;
}

/** Where `at` falls in a DSC's validity: EU verifiers refuse a code signed outside it. */
export function signerValidityAt(certificate: X509Certificate, at: Date): SignerValidity {
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  const state = at < notBefore ? 'not_yet_valid' : at > notAfter ? 'expired' : 'valid';
  return { state, notBefore, notAfter };
}

export function readCertificateAuthority(value: string | undefined, problems: string[]): X509Certificate | undefined {
  if (!value) {
    problems.push('CERTIFICATE_CSCA: is required');
    return undefined;
  }
  const certificate = readCertificate(value);
  if (!certificate?.ca) problems.push('CERTIFICATE_CSCA: must be the base64 DER of a CA certificate');
  return certificate?.ca ? certificate : undefined;
}

function readKey(base64: string): Omit<SigningKey, 'id'> | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  const der = Buffer.from(base64, 'base64');
  let key: Omit<SigningKey, 'id'>;
  try {
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    key = { privateKey, publicKey: createPublicKey(privateKey) };
  } catch {
    try {
      key = { privateKey: null, publicKey: createPublicKey({ key: der, format: 'der', type: 'spki' }) };
    } catch {
      return undefined;
    }
  }
  const isP256 = key.publicKey.asymmetricKeyType === 'ec' && key.publicKey.asymmetricKeyDetails?.namedCurve === 'prime256v1';
  return isP256 ? key : undefined;
}

function readCertificate(base64: string): X509Certificate | undefined {
  const trimmed = base64.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return undefined;
  try {
    return new X509Certificate(Buffer.from(trimmed, 'base64'));
  } catch {
    return undefined;
  }
}
