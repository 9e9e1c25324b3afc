import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { CompactEncrypt, exportJWK, SignJWT, type JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';
import type { CertificateRecord } from './certificate-record';
import { issueCertificateToken, openCertificateToken, type OpenCertificateTokenOptions } from './certificate-token';
import { CertificateTokenError } from './certificate-token.error';
import type { PersonalData } from './personal-data';
import { deriveTokenKey, type CertificateSecret } from './token-key';

/** node-jose: a second, independent JOSE implementation; it ships no type declarations. */
interface NodeJoseKey {
  kid: string;
}
interface NodeJose {
  JWK: { asKey(key: object): Promise<NodeJoseKey> };
  JWE: { createDecrypt(key: NodeJoseKey): { decrypt(jwe: string): Promise<{ header: Record<string, unknown>; plaintext: Buffer }> } };
  JWS: { createVerify(key: NodeJoseKey): { verify(jws: string): Promise<{ header: Record<string, unknown>; payload: Buffer }> } };
}
const nodeJose = createRequire(__filename)('node-jose') as NodeJose;

const person: PersonalData = { familyName: 'Musterfrau-Gößinger', givenName: 'José María', birthDate: '1998-02-26' };
const record: CertificateRecord = {
  certificateId: 'URN:UVCI:01:DE:ACME/X7Q2LM9#Q',
  person,
  doses: [
    { vaccine: 'comirnaty', productName: 'Comirnaty', manufacturer: 'BioNTech', doseNumber: 1, seriesDoses: 2, date: '2021-05-01', country: 'DE', lotNumber: 'EW0182' },
    { vaccine: 'comirnaty', productName: 'Comirnaty', manufacturer: 'BioNTech', doseNumber: 2, seriesDoses: 2, date: '2021-06-01', country: 'DE' },
  ],
  issuerName: 'Acme GmbH',
  tenant: 'acme',
};
const issuer = 'https://acme.vaccinate.example';
const issuedAt = new Date('2022-01-10T10:00:00Z');
const expiresAt = new Date('2023-01-10T10:00:00Z');
const during = new Date('2022-06-01T00:00:00Z');

function tenant(kid = 'sig-2022') {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const secret: CertificateSecret = { id: 'cs-1', secret: new Uint8Array(randomBytes(32)) };
  return { kid, privateKey, publicKey, secret };
}
type Tenant = ReturnType<typeof tenant>;

async function jwksOf(...keys: { kid: string; publicKey: KeyObject }[]): Promise<JSONWebKeySet> {
  return { keys: await Promise.all(keys.map(async ({ kid, publicKey }) => ({ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }))) };
}

async function issue(t: Tenant): Promise<string> {
  return issueCertificateToken(record, { signingKey: { privateKey: t.privateKey, kid: t.kid }, secret: t.secret, issuer, issuedAt, expiresAt });
}

async function openOptions(t: Tenant, overrides: Partial<OpenCertificateTokenOptions> = {}): Promise<OpenCertificateTokenOptions> {
  return { personalData: person, secrets: [t.secret], jwks: await jwksOf(t), issuer, now: during, ...overrides };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof CertificateTokenError ? error.code : `untyped: ${String(error)}`;
  }
  return 'accepted';
}

/** Flip one byte of one dot-separated segment (decoded, so base64url padding bits cannot hide it). */
function flipByte(token: string, segment: number, index: number): string {
  const parts = token.split('.');
  const bytes = Buffer.from(parts[segment]!, 'base64url');
  bytes[index] = bytes[index]! ^ 0x01;
  parts[segment] = bytes.toString('base64url');
  return parts.join('.');
}

describe('certificate token round trip', () => {
  it('opens with the secret and the personal data, and yields the signed record', async () => {
    const t = tenant();
    const token = await issue(t);
    expect(token.split('.')).toHaveLength(5);
    expect(token).not.toContain('Musterfrau');
    const opened = await openCertificateToken(token, await openOptions(t));
    expect(opened).toEqual({ record, issuer, issuedAt, expiresAt, kid: t.kid });
  });

  it('is standard JOSE: node-jose decrypts the JWE with the derived key and verifies the inner JWT', async () => {
    const t = tenant();
    const token = await issue(t);
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { salt: string };
    expect(header).toEqual({ alg: 'dir', enc: 'A256GCM', cty: 'JWT', kid: 'cs-1', salt: expect.stringMatching(/^[\w-]{22}$/) });
    const derived = deriveTokenKey(t.secret, Buffer.from(header.salt, 'base64url'), person);
    const contentKey = await nodeJose.JWK.asKey({ kty: 'oct', k: Buffer.from(derived).toString('base64url') });
    const { plaintext } = await nodeJose.JWE.createDecrypt(contentKey).decrypt(token);
    const verifyKey = await nodeJose.JWK.asKey({ ...(await exportJWK(t.publicKey)), kid: t.kid });
    const { header: jwsHeader, payload } = await nodeJose.JWS.createVerify(verifyKey).verify(plaintext.toString());
    expect(jwsHeader).toEqual({ alg: 'ES256', typ: 'JWT', kid: t.kid });
    expect(JSON.parse(payload.toString())).toEqual({
      cert: record,
      iss: issuer,
      jti: record.certificateId,
      iat: issuedAt.getTime() / 1000,
      exp: expiresAt.getTime() / 1000,
    });
  });

  it('uses a fresh salt, so the same record never gives the same token', async () => {
    const t = tenant();
    expect(await issue(t)).not.toBe(await issue(t));
  });

  it.each([
    { familyName: 'MUSTERFRAU-GOSSINGER', givenName: 'jose maria', birthDate: '1998-02-26' },
    { familyName: '  musterfrau-gößinger ', givenName: 'José\tMaría', birthDate: ' 1998-02-26 ' },
    { familyName: 'Musterfrau-Gössinger', givenName: 'JOSÉ   MARÍA', birthDate: '1998-02-26' },
  ])('accepts the personal data typed differently: %j', async (typed) => {
    const t = tenant();
    const opened = await openCertificateToken(await issue(t), await openOptions(t, { personalData: typed }));
    expect(opened.record).toEqual(record);
  });
});

describe('certificate token refusals', () => {
  it.each([
    ['family name', { ...person, familyName: 'Musterfrau' }],
    ['given name', { ...person, givenName: 'Jose' }],
    ['birth date', { ...person, birthDate: '1998-02-27' }],
    ['birth date format', { ...person, birthDate: '26.02.1998' }],
    ['names swapped', { ...person, familyName: person.givenName, givenName: person.familyName }],
  ])('refuses a wrong %s with details_mismatch', async (_field, personalData) => {
    const t = tenant();
    expect(await codeOf(openCertificateToken(await issue(t), await openOptions(t, { personalData })))).toBe('details_mismatch');
  });

  it('refuses the wrong secret, and an unknown secret id, with details_mismatch', async () => {
    const t = tenant();
    const token = await issue(t);
    const otherSecret = { id: 'cs-1', secret: new Uint8Array(randomBytes(32)) };
    expect(await codeOf(openCertificateToken(token, await openOptions(t, { secrets: [otherSecret] })))).toBe('details_mismatch');
    expect(await codeOf(openCertificateToken(token, await openOptions(t, { secrets: [{ ...t.secret, id: 'cs-2' }] })))).toBe('details_mismatch');
  });

  it('refuses a flipped byte anywhere in the IV, ciphertext or tag with details_mismatch', async () => {
    const t = tenant();
    const token = await issue(t);
    const options = await openOptions(t);
    for (const segment of [2, 3, 4]) {
      const length = Buffer.from(token.split('.')[segment]!, 'base64url').length;
      for (const index of new Set([0, Math.floor(length / 2), length - 1])) {
        expect(await codeOf(openCertificateToken(flipByte(token, segment, index), options)), `segment ${segment} byte ${index}`).toBe('details_mismatch');
      }
    }
  });

  it('refuses any flipped header byte, and a swapped salt, without opening', async () => {
    const t = tenant();
    const token = await issue(t);
    const options = await openOptions(t);
    const headerLength = Buffer.from(token.split('.')[0]!, 'base64url').length;
    for (let index = 0; index < headerLength; index += 1) {
      expect(['details_mismatch', 'malformed']).toContain(await codeOf(openCertificateToken(flipByte(token, 0, index), options)));
    }
    const parts = token.split('.');
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString()) as Record<string, string>;
    parts[0] = Buffer.from(JSON.stringify({ ...header, salt: randomBytes(16).toString('base64url') })).toString('base64url');
    expect(await codeOf(openCertificateToken(parts.join('.'), options))).toBe('details_mismatch');
  });

  it('refuses an expired token with expired', async () => {
    const t = tenant();
    const token = await issue(t);
    expect(await codeOf(openCertificateToken(token, await openOptions(t, { now: new Date('2023-01-11T00:00:00Z') })))).toBe('expired');
  });

  it('refuses a token signed by a key outside the tenant key set with signature_invalid', async () => {
    const t = tenant();
    const token = await issue(t);
    const impostor = tenant(t.kid);
    // Same kid, different key: the signature check itself fails.
    expect(await codeOf(openCertificateToken(token, await openOptions(t, { jwks: await jwksOf(impostor) })))).toBe('signature_invalid');
    // A kid the key set does not hold.
    expect(await codeOf(openCertificateToken(token, await openOptions(t, { jwks: await jwksOf(tenant('other')) })))).toBe('signature_invalid');
    expect(await codeOf(openCertificateToken(token, await openOptions(t, { issuer: 'https://other.example' })))).toBe('signature_invalid');
  });

  it('refuses a properly encrypted token whose content is not signed by the tenant', async () => {
    const t = tenant();
    const forger = tenant(t.kid);
    const salt = new Uint8Array(randomBytes(16));
    const forgedJwt = await new SignJWT({ cert: record })
      .setProtectedHeader({ alg: 'ES256', kid: t.kid })
      .setIssuer(issuer)
      .setJti('x')
      .setIssuedAt()
      .setExpirationTime('1y')
      .sign(forger.privateKey);
    // Someone holding the secret and the personal data, but not the signing key.
    const token = await new CompactEncrypt(new TextEncoder().encode(forgedJwt))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: t.secret.id, salt: Buffer.from(salt).toString('base64url') })
      .encrypt(deriveTokenKey(t.secret, salt, person));
    expect(await codeOf(openCertificateToken(token, await openOptions(t, { now: new Date() })))).toBe('signature_invalid');
  });

  it('refuses garbage and foreign token shapes with malformed', async () => {
    const t = tenant();
    const options = await openOptions(t);
    expect(await codeOf(openCertificateToken('not-a-token', options))).toBe('malformed');
    const jwt = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: t.kid }).sign(t.privateKey);
    expect(await codeOf(openCertificateToken(jwt, options))).toBe('malformed');
    const wrongAlg = await new CompactEncrypt(new Uint8Array([1]))
      .setProtectedHeader({ alg: 'A256KW', enc: 'A256GCM', kid: 'cs-1', salt: 'AAAAAAAAAAAAAAAAAAAAAA' })
      .encrypt(new Uint8Array(32));
    expect(await codeOf(openCertificateToken(wrongAlg, options))).toBe('malformed');
  });

  it('refuses to issue a token for an invalid birth date or an empty validity', async () => {
    const t = tenant();
    const signingKey = { privateKey: t.privateKey, kid: t.kid };
    await expect(
      issueCertificateToken({ ...record, person: { ...person, birthDate: '1998-2-26' } }, { signingKey, secret: t.secret, issuer, expiresAt }),
    ).rejects.toThrow(RangeError);
    await expect(issueCertificateToken(record, { signingKey, secret: t.secret, issuer, issuedAt, expiresAt: issuedAt })).rejects.toThrow(RangeError);
    await expect(issueCertificateToken(record, { signingKey, secret: { id: 'short', secret: new Uint8Array(16) }, issuer, expiresAt })).rejects.toThrow(RangeError);
  });
});
