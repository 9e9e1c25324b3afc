// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API loaded first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, webcrypto } from 'node:crypto';

type KeyPair = Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'];
type WebCryptoKey = KeyPair['privateKey'];

// @peculiar/x509 signs through globalThis.crypto: Node's Web Crypto (Node >= 20), the same ECDSA as node:crypto.

/** The EU DCC extended key usage "may sign vaccination certificates" (eHealth Network, DSC profile). */
export const DSC_VACCINATION_EKU = '1.3.6.1.4.1.1847.2021.1.2';

/** A certificate authority that issues document signer certificates: its key (PKCS#8 DER) and certificate (DER), both base64. */
export interface CertificateAuthority {
  privateKey: string;
  certificate: string;
}

export interface DocumentSignerSubject {
  /** ISO 3166-1 alpha-2: the country of the certificates it signs; EU verifiers compare it with the HC1 issuer. */
  country: string;
  commonName: string;
}

const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;

/** A new P-256 private key, PKCS#8 DER in base64: the format of every `*_KEYS` entry. */
export function generateSigningKey(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}

/**
 * A self-signed country signing CA for a platform without a national one (local, demo, test). In
 * production an operator replaces the DSCs it issued by DSCs from their national CSCA.
 */
export async function createCertificateAuthority(subject: DocumentSignerSubject, validityYears = 15): Promise<CertificateAuthority> {
  const privateKeyDer = generateSigningKey();
  const keys = await importKeyPair(privateKeyDer);
  const now = new Date();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: distinguishedName(subject),
    notBefore: now,
    notAfter: new Date(now.getTime() + validityYears * 365 * DAY_MS),
    keys,
    signingAlgorithm: ECDSA_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { privateKey: privateKeyDer, certificate: Buffer.from(certificate.rawData).toString('base64') };
}

/**
 * A Document Signer Certificate for a certificate signing key (PKCS#8 DER, base64), in the EU DSC
 * profile: ECDSA P-256, digitalSignature, the vaccination EKU. Its validity must cover every
 * certificate the key signs, so it runs `validityYears` (default 2: one year of signing plus one
 * year of certificate validity). Returns the DER in base64.
 */
export async function issueDocumentSigner(
  authority: CertificateAuthority,
  signingKey: string,
  subject: DocumentSignerSubject,
  validityYears = 2,
  notBefore = new Date(),
): Promise<string> {
  const issuer = await importKeyPair(authority.privateKey);
  const authorityCertificate = new x509.X509Certificate(Buffer.from(authority.certificate, 'base64'));
  const signer = await importKeyPair(signingKey);
  const now = notBefore;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: distinguishedName(subject),
    issuer: authorityCertificate.subject,
    notBefore: now,
    notAfter: new Date(now.getTime() + validityYears * 365 * DAY_MS),
    publicKey: signer.publicKey,
    signingKey: issuer.privateKey,
    signingAlgorithm: ECDSA_SHA256,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([DSC_VACCINATION_EKU], false),
      await x509.SubjectKeyIdentifierExtension.create(signer.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.publicKey),
    ],
  });
  return Buffer.from(certificate.rawData).toString('base64');
}

async function importKeyPair(privateKeyDer: string): Promise<KeyPair> {
  const key = createPrivateKey({ key: Buffer.from(privateKeyDer, 'base64'), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  const subtle = webcrypto.subtle;
  return {
    privateKey: (await subtle.importKey('pkcs8', key.export({ format: 'der', type: 'pkcs8' }), ECDSA_P256, false, ['sign'])) as unknown as WebCryptoKey,
    publicKey: (await subtle.importKey('spki', spki, ECDSA_P256, true, ['verify'])) as unknown as WebCryptoKey,
  };
}

function distinguishedName({ country, commonName }: DocumentSignerSubject): string {
  return `C=${country}, CN=${commonName.replace(/[,=+<>#;"\\]/g, ' ')}`;
}

/** Positive, 16 random bytes (RFC 5280 allows up to 20). */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}
