import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildImmunizationBundle, type ShcDose } from './fhir-bundle';
import { jwsToQrText, qrTextToJws } from './qr-numeric';
import { ShcError } from './shc-error';
import { parseSmartHealthCardFile, toSmartHealthCardFile } from './shc-file';
import { createHealthCardJws, decodeHealthCardJws, verifyHealthCardJws } from './shc-jws';
import { shcKeyId, shcPublicJwk } from './shc-key';

/** node-jose: a second, independent JOSE implementation; it ships no type declarations. */
interface NodeJoseKey {
  thumbprint(hash: 'SHA-256'): Promise<Buffer>;
}
interface NodeJose {
  JWK: { asKey(jwk: object): Promise<NodeJoseKey> };
  JWS: { createVerify(key: NodeJoseKey): { verify(jws: string): Promise<{ header: Record<string, unknown>; payload: Buffer }> } };
}
const nodeJose = createRequire(__filename)('node-jose') as NodeJose;

const issuer = 'https://acme.vaccinate.example';
const patient = { familyName: 'Musterfrau-Gößinger', givenName: 'Gabriele Anna', birthDate: '1998-02-26' };
const doses: ShcDose[] = [
  { vaccine: 'comirnaty', date: '2021-05-01', lotNumber: 'EW0182', performer: 'Acme GmbH' },
  { vaccine: 'comirnaty', date: '2021-06-01', lotNumber: 'FA7812', performer: 'Acme GmbH' },
  { vaccine: 'spikevax', date: '2021-12-01', lotNumber: '3003371', performer: 'Acme GmbH' },
];

const p256 = (): { privateKey: KeyObject; publicKey: KeyObject } => generateKeyPairSync('ec', { namedCurve: 'P-256' });

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof ShcError ? error.code : 'untyped';
  }
  return 'accepted';
}

describe('kid: RFC 7638 JWK thumbprint', () => {
  it('matches the RFC 7638 section 3.1 example', async () => {
    const rfcKey = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    };
    expect(await shcKeyId(rfcKey)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('is the SHA-256 of the canonical {crv,kty,x,y} JSON, and node-jose agrees', async () => {
    const { privateKey, publicKey } = p256();
    const jwk = publicKey.export({ format: 'jwk' });
    const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
    const expected = createHash('sha256').update(canonical).digest('base64url');
    expect(await shcKeyId(privateKey)).toBe(expected);
    expect(await shcKeyId(publicKey)).toBe(expected);
    expect((await (await nodeJose.JWK.asKey(jwk)).thumbprint('SHA-256')).toString('base64url')).toBe(expected);
    expect(await shcPublicJwk(privateKey)).toEqual({ ...jwk, kid: expected, use: 'sig', alg: 'ES256' });
  });
});

describe('health card JWS', () => {
  it('round-trips: bundle -> JWS -> shc:/ -> JWS -> verified payload', async () => {
    const { privateKey, publicKey } = p256();
    const bundle = buildImmunizationBundle(patient, doses);
    const issuedAt = new Date('2022-01-10T10:00:00Z');
    const jws = await createHealthCardJws(bundle, { issuer, privateKey, issuedAt });
    const qr = jwsToQrText(jws);
    expect(qr).toMatch(/^shc:\/(\d\d)+$/);
    expect(qrTextToJws(qr)).toBe(jws);

    const jwks = { keys: [await shcPublicJwk(publicKey)] };
    const { header, payload } = await verifyHealthCardJws(qrTextToJws(qr), { keys: jwks, issuer });
    expect(header).toEqual({ zip: 'DEF', alg: 'ES256', kid: await shcKeyId(publicKey) });
    expect(payload).toEqual({
      iss: issuer,
      nbf: issuedAt.getTime() / 1000,
      vc: { type: ['https://smarthealth.cards#health-card'], credentialSubject: { fhirVersion: '4.0.1', fhirBundle: bundle } },
    });
  });

  it('is verified by node-jose, and its payload is raw DEFLATE of the VC JSON', async () => {
    const { privateKey, publicKey } = p256();
    const bundle = buildImmunizationBundle(patient, doses, 'snomed');
    const jws = await createHealthCardJws(bundle, { issuer, privateKey });
    const key = await nodeJose.JWK.asKey(publicKey.export({ format: 'jwk' }));
    const result = await nodeJose.JWS.createVerify(key).verify(jws);
    expect(result.header).toEqual({ zip: 'DEF', alg: 'ES256', kid: await shcKeyId(publicKey) });
    const vc = JSON.parse(inflateRawSync(result.payload).toString('utf8')) as { iss: string; vc: { credentialSubject: { fhirBundle: unknown } } };
    expect(vc.iss).toBe(issuer);
    expect(vc.vc.credentialSubject.fhirBundle).toEqual(bundle);
  });

  it('refuses a flipped signature, an unknown key, another issuer and garbage', async () => {
    const { privateKey, publicKey } = p256();
    const jws = await createHealthCardJws(buildImmunizationBundle(patient, doses), { issuer, privateKey });
    const keys = [publicKey];
    expect(await errorCode(verifyHealthCardJws(jws, { keys, issuer }))).toBe('accepted');

    const [head, body, signature] = jws.split('.') as [string, string, string];
    const flipped = Buffer.from(signature, 'base64url');
    flipped[5] = flipped[5]! ^ 0x01;
    expect(await errorCode(verifyHealthCardJws(`${head}.${body}.${flipped.toString('base64url')}`, { keys }))).toBe('signature_invalid');
    expect(await errorCode(verifyHealthCardJws(jws, { keys: [p256().publicKey] }))).toBe('key_mismatch');
    // A JWK claiming the right kid does not help: the kid is recomputed from the key material.
    const impostor = { ...(await shcPublicJwk(p256().publicKey)), kid: await shcKeyId(publicKey) };
    expect(await errorCode(verifyHealthCardJws(jws, { keys: { keys: [impostor] } }))).toBe('key_mismatch');
    expect(await errorCode(verifyHealthCardJws(jws, { keys, issuer: 'https://other.example' }))).toBe('issuer_mismatch');
    expect(await errorCode(verifyHealthCardJws('a.b', { keys }))).toBe('malformed');
    expect(() => qrTextToJws('shc:/1/2/5676')).toThrow(ShcError);
    expect(() => qrTextToJws('shc:/99')).toThrow(ShcError);
  });

  it('exposes the issuer before verification, so a verifier knows which key set to fetch', async () => {
    const { privateKey } = p256();
    const jws = await createHealthCardJws(buildImmunizationBundle(patient, doses), { issuer, privateKey });
    expect(decodeHealthCardJws(jws).payload.iss).toBe(issuer);
  });

  it('carries a revocation id in vc.rid when given, and refuses one that is not short base64url', async () => {
    const { privateKey } = p256();
    const bundle = buildImmunizationBundle(patient, doses);
    const jws = await createHealthCardJws(bundle, { issuer, privateKey, revocationId: 'Xq3_-9aB0c1' });
    expect(decodeHealthCardJws(jws).payload.vc.rid).toBe('Xq3_-9aB0c1');
    expect(decodeHealthCardJws(await createHealthCardJws(bundle, { issuer, privateKey })).payload.vc).not.toHaveProperty('rid');
    await expect(createHealthCardJws(bundle, { issuer, privateKey, revocationId: 'has.a.dot' })).rejects.toThrow(ShcError);
    await expect(createHealthCardJws(bundle, { issuer, privateKey, revocationId: 'x'.repeat(25) })).rejects.toThrow(ShcError);
  });

  it('refuses an issuer URL with a trailing slash', async () => {
    const { privateKey } = p256();
    await expect(createHealthCardJws(buildImmunizationBundle(patient, doses), { issuer: `${issuer}/`, privateKey })).rejects.toThrow(TypeError);
  });
});

describe('shc:/ numeric encoding', () => {
  it('writes two digits per character, char code minus 45', () => {
    expect(jwsToQrText('-.z')).toBe('shc:/000177');
    expect(jwsToQrText('eyJ')).toBe('shc:/567629');
    expect(qrTextToJws('shc:/567629')).toBe('eyJ');
  });

  it('refuses a JWS too long for one QR code', () => {
    expect(() => jwsToQrText('a'.repeat(1196))).toThrow(expect.objectContaining({ code: 'too_large' }));
  });
});

describe('FHIR bundle and .smart-health-card file', () => {
  it('holds the Patient at resource:0 and one Immunization per dose', () => {
    const bundle = buildImmunizationBundle(patient, doses);
    expect(bundle.entry[0]).toEqual({
      fullUrl: 'resource:0',
      resource: { resourceType: 'Patient', name: [{ family: 'Musterfrau-Gößinger', given: ['Gabriele', 'Anna'] }], birthDate: '1998-02-26' },
    });
    expect(bundle.entry.slice(1).map((entry) => entry.resource)).toEqual([
      expect.objectContaining({
        vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '208' }] },
        occurrenceDateTime: '2021-05-01',
        lotNumber: 'EW0182',
      }),
      expect.objectContaining({ vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '208' }] }, occurrenceDateTime: '2021-06-01' }),
      expect.objectContaining({ vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '207' }] }, patient: { reference: 'resource:0' } }),
    ]);
    expect(() => buildImmunizationBundle(patient, [])).toThrow(RangeError);
  });

  it('writes and reads the file format', async () => {
    const { privateKey } = p256();
    const jws = await createHealthCardJws(buildImmunizationBundle(patient, doses), { issuer, privateKey });
    const file = toSmartHealthCardFile([jws]);
    expect(JSON.parse(file)).toEqual({ verifiableCredential: [jws] });
    expect(parseSmartHealthCardFile(file)).toEqual([jws]);
    expect(() => parseSmartHealthCardFile('{"verifiableCredential":[]}')).toThrow(ShcError);
  });
});
