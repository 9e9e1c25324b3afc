import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { issueCertificateToken, type CertificateSecret } from '@vaccinate/certificate-token';
import { DCC_VACCINES, buildVaccinationPayload, doseNumbering, encodeHc1, generateUvci } from '@vaccinate/eu-dcc';
import { buildImmunizationBundle, createHealthCardJws, shcPublicJwk, type ShcPublicJwk } from '@vaccinate/smart-health-card';
import type { IssuedCertificateRecord } from '../../src/certificate/issued-certificate-record';

/** A tenant API as far as certificates go: its ES256 key, its certificate secret, its URL. */
export interface TestIssuer {
  url: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: ShcPublicJwk;
  secret: CertificateSecret;
}

export async function createTestIssuer(url: string, secretId: string): Promise<TestIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { url, privateKey, publicKey, jwk: await shcPublicJwk(publicKey), secret: { id: secretId, secret: new Uint8Array(randomBytes(32)) } };
}

/** Two primary doses and a booster, then a booster each autumn. */
function doseDate(index: number): string {
  return ['2021-05-03', '2021-06-14', '2021-12-20'][index] ?? `${2019 + index}-10-1${index % 10}`;
}

export const HOLDER = { familyName: 'Müller-Łukasik', givenName: 'Erika Zoë', birthDate: '1964-08-12' };

/**
 * What the tenant API does at issuance: the record with both QR payloads signed by the tenant
 * key, then the token. `signWith`/`encryptWith` let a test forge tokens with the wrong key or secret.
 */
export async function issueTestToken(
  issuer: TestIssuer,
  options: {
    signWith?: KeyObject;
    encryptWith?: CertificateSecret;
    issuedAt?: Date;
    expiresAt?: Date;
    tokenIssuer?: string;
    /** Leaves out the QR payloads, as an API that does not know this record shape would. */
    withoutQrPayloads?: boolean;
    /** The doctor named on each dose, as for a tenant that prints who vaccinated. */
    vaccinatorName?: string;
    /** How many doses the holder received: 3 (two primary, one booster) unless told. */
    doseCount?: number;
  } = {},
): Promise<{ token: string; record: IssuedCertificateRecord }> {
  const issuedAt = options.issuedAt ?? new Date();
  const expiresAt = options.expiresAt ?? new Date(issuedAt.getTime() + 365 * 86_400_000);
  const signingKey = options.signWith ?? issuer.privateKey;
  const certificateId = generateUvci({ country: 'DE', issuingEntity: 'ACME' });
  const vaccine = DCC_VACCINES.comirnaty;
  const doseNumbers = Array.from({ length: options.doseCount ?? 3 }, (_, index) => index + 1);
  const doses = doseNumbers.map((doseNumber, index) => {
    const { dn, sd } = doseNumbering(doseNumber, vaccine.primarySeriesDoses);
    return {
      vaccine: 'comirnaty',
      productName: vaccine.name,
      manufacturer: 'BioNTech Manufacturing GmbH',
      doseNumber: dn,
      seriesDoses: sd,
      date: doseDate(index),
      country: 'DE',
      lotNumber: `FD${7000 + index}`,
      ...(options.vaccinatorName ? { vaccinatorName: options.vaccinatorName } : {}),
    };
  });
  const last = doses[doses.length - 1]!;
  const payload = buildVaccinationPayload({
    ...HOLDER,
    vaccine,
    doseNumber: last.doseNumber,
    seriesDoses: last.seriesDoses,
    date: last.date,
    country: 'DE',
    issuer: 'Acme Chemie GmbH',
    certificateId,
  });
  const hc1 = encodeHc1(payload, { issuerCountry: 'DE', issuedAt, expiresAt, signer: { privateKey: signingKey } });
  const bundle = buildImmunizationBundle(
    HOLDER,
    doses.map((dose) => ({ vaccine: 'comirnaty' as const, date: dose.date, lotNumber: dose.lotNumber, performer: 'Acme Chemie GmbH' })),
  );
  const shcJws = await createHealthCardJws(bundle, { issuer: issuer.url, privateKey: signingKey, issuedAt });
  const record: IssuedCertificateRecord = {
    certificateId,
    person: HOLDER,
    doses,
    issuerName: 'Acme Chemie GmbH',
    tenant: 'acme',
    hc1,
    shcJws,
    brandColor: '#0a5c8a',
  };
  const signed = options.withoutQrPayloads ? { ...record, hc1: undefined, shcJws: undefined } : record;
  const token = await issueCertificateToken(signed, {
    signingKey: { privateKey: signingKey, kid: options.signWith ? 'forged' : issuer.jwk.kid },
    secret: options.encryptWith ?? issuer.secret,
    issuer: options.tokenIssuer ?? issuer.url,
    issuedAt,
    expiresAt,
  });
  return { token, record };
}

/** Flips one bit of one byte in the middle of the ciphertext part of a compact JWE. */
export function flipCiphertextByte(token: string): string {
  const parts = token.split('.');
  const ciphertext = Buffer.from(parts[3]!, 'base64url');
  ciphertext[Math.floor(ciphertext.length / 2)]! ^= 0x01;
  parts[3] = ciphertext.toString('base64url');
  return parts.join('.');
}
