import { createHash, verify } from 'node:crypto';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { base45Decode, base45Encode } from './base45';
import { decodeCoseSign1 } from './cose-sign1';
import { DccError } from './dcc-error';
import { dccKeyId } from './dcc-key';
import { buildVaccinationPayload, type DccVaccinationPayload } from './dcc-payload';
import { DCC_VACCINES } from './dcc-vaccines';
import { HC1_PREFIX, decodeHc1, encodeHc1, verifyHc1 } from './hc1';
import { generateUvci } from './uvci';
import { p256KeyPair, selfSignedCertificate } from './test-support/keys';
import { readStandardsJson, schemaErrors, valueSetErrors } from './test-support/standards';

/** Independent implementations, loaded through require: they ship no type declarations. */
const require = createRequire(__filename);
interface CoseJs {
  sign: { verify(message: Buffer, verifier: { key: { x: Buffer; y: Buffer } }): Promise<Buffer> };
}
interface NodeCbor {
  decodeFirstSync(input: Uint8Array): unknown;
  encode(value: unknown): Buffer;
  Tagged: new (tag: number, value: unknown) => { tag: number; value: unknown };
}
const coseJs = require('cose-js') as CoseJs;
const nodeCbor = require('cbor') as NodeCbor;

interface Co3 {
  JSON: unknown;
  PREFIX: string;
  TESTCTX: { CERTIFICATE: string; VALIDATIONCLOCK: string };
}
const co3 = readStandardsJson<Co3>('testdata/CO3.json');

function samplePayload(): DccVaccinationPayload {
  const vaccine = DCC_VACCINES.comirnaty;
  return buildVaccinationPayload({
    familyName: 'Musterfrau-Gößinger',
    givenName: 'Gabriele',
    birthDate: '1998-02-26',
    vaccine,
    doseNumber: 3,
    seriesDoses: 3,
    date: '2022-01-10',
    country: 'DE',
    issuer: 'Acme GmbH Betriebsärztlicher Dienst',
    certificateId: generateUvci({ country: 'DE', issuingEntity: 'ACME' }),
  });
}

const issuedAt = new Date('2022-01-10T12:00:00Z');
const expiresAt = new Date('2023-01-10T12:00:00Z');

describe('HC1 golden test vector (CO3)', () => {
  const now = new Date(co3.TESTCTX.VALIDATIONCLOCK);

  it('verifies at its validation clock and yields the JSON in the file', () => {
    const claims = verifyHc1(co3.PREFIX, { key: co3.TESTCTX.CERTIFICATE, now });
    expect(claims.payload).toEqual(co3.JSON);
    expect(claims.issuer).toBe('AT');
    expect(claims.issuedAt.getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it('carries the certificate-derived kid', () => {
    const certificate = Buffer.from(co3.TESTCTX.CERTIFICATE, 'base64');
    const expected = createHash('sha256').update(certificate).digest().subarray(0, 8);
    expect(Buffer.from(decodeHc1(co3.PREFIX).kid!)).toEqual(expected);
  });

  it('is refused after its expiry and with another key', () => {
    expect(() => verifyHc1(co3.PREFIX, { key: co3.TESTCTX.CERTIFICATE, now: new Date('2021-06-01T00:00:00Z') })).toThrow(expect.objectContaining({ code: 'expired' }));
    const other = p256KeyPair().publicKey;
    expect(() => verifyHc1(co3.PREFIX, { key: other, now })).toThrow(expect.objectContaining({ code: 'key_mismatch' }));
  });

  it('is refused when one byte of the signed content changes', () => {
    const cose = decodeHc1(co3.PREFIX).cose;
    const payload = Buffer.from(cose.payload);
    const index = payload.indexOf('GABRIELE');
    payload[index] = 'H'.charCodeAt(0);
    const tampered = nodeCbor.encode(new nodeCbor.Tagged(18, [Buffer.from(cose.protectedBytes), new Map(), payload, Buffer.from(cose.signature)]));
    const hc1 = HC1_PREFIX + base45Encode(tampered);
    expect(() => verifyHc1(hc1, { key: co3.TESTCTX.CERTIFICATE, now })).toThrow(expect.objectContaining({ code: 'signature_invalid' }));
  });
});

describe('HC1 encoding', () => {
  it('round-trips through its own verifier with a bare key (kid = SPKI hash)', () => {
    const { privateKey, publicKey } = p256KeyPair();
    const payload = samplePayload();
    const hc1 = encodeHc1(payload, { issuerCountry: 'DE', issuedAt, expiresAt, signer: { privateKey } });
    expect(hc1).toMatch(/^HC1:[0-9A-Z $%*+\-./:]+$/);
    const spki = publicKey.export({ type: 'spki', format: 'der' });
    expect(Buffer.from(decodeHc1(hc1).kid!)).toEqual(createHash('sha256').update(spki).digest().subarray(0, 8));
    const claims = verifyHc1(hc1, { key: publicKey, now: new Date('2022-06-01T00:00:00Z') });
    expect(claims).toEqual({ issuer: 'DE', issuedAt, expiresAt, payload });
  });

  it('uses the certificate hash as kid when a certificate signs', () => {
    const { privateKey } = p256KeyPair();
    const certificate = selfSignedCertificate(privateKey);
    const hc1 = encodeHc1(samplePayload(), {
      issuerCountry: 'DE',
      issuedAt: new Date(),
      expiresAt: new Date(Date.now() + 86_400_000),
      signer: { privateKey, certificate },
    });
    expect(Buffer.from(decodeHc1(hc1).kid!)).toEqual(createHash('sha256').update(certificate.raw).digest().subarray(0, 8));
    expect(verifyHc1(hc1, { key: certificate.toString() }).issuer).toBe('DE');
    expect(verifyHc1(hc1, { key: certificate.raw.toString('base64') }).issuer).toBe('DE');
  });

  it('is decoded and verified by cose-js and node-cbor, independently of this library', async () => {
    const { privateKey, publicKey } = p256KeyPair();
    const payload = samplePayload();
    const hc1 = encodeHc1(payload, { issuerCountry: 'DE', issuedAt, expiresAt, signer: { privateKey } });

    const cose = inflateSync(base45Decode(hc1.slice(4)));
    const jwk = publicKey.export({ format: 'jwk' });
    const signedClaims = await coseJs.sign.verify(cose, {
      key: { x: Buffer.from(jwk.x!, 'base64url'), y: Buffer.from(jwk.y!, 'base64url') },
    });
    const claims = nodeCbor.decodeFirstSync(signedClaims) as Map<number, unknown>;
    expect(claims.get(1)).toBe('DE');
    expect(claims.get(6)).toBe(issuedAt.getTime() / 1000);
    expect(claims.get(4)).toBe(expiresAt.getTime() / 1000);
    expect((claims.get(-260) as Map<number, unknown>).get(1)).toEqual(payload);

    // The same check by hand: tag 18, protected header {1: -7, 4: kid}, raw r||s over Sig_structure.
    const tagged = nodeCbor.decodeFirstSync(cose) as { tag: number; value: [Buffer, unknown, Buffer, Buffer] };
    expect(tagged.tag).toBe(18);
    const [protectedBytes, , body, signature] = tagged.value;
    const header = nodeCbor.decodeFirstSync(protectedBytes) as Map<number, unknown>;
    expect(header.get(1)).toBe(-7);
    expect(header.get(4)).toEqual(Buffer.from(dccKeyId(publicKey)));
    expect(signature).toHaveLength(64);
    const toBeSigned = nodeCbor.encode(['Signature1', protectedBytes, Buffer.alloc(0), body]);
    expect(verify('sha256', toBeSigned, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
  });

  it('writes a payload valid against the official schema and value sets', () => {
    const { privateKey, publicKey } = p256KeyPair();
    const hc1 = encodeHc1(samplePayload(), { issuerCountry: 'DE', issuedAt, expiresAt, signer: { privateKey } });
    const { payload } = verifyHc1(hc1, { key: publicKey, now: issuedAt });
    expect(schemaErrors(payload)).toEqual([]);
    expect(valueSetErrors(payload)).toEqual([]);
  });

  it('refuses with typed errors: wrong key, tampering, expiry, future issue, garbage', () => {
    const { privateKey, publicKey } = p256KeyPair();
    const hc1 = encodeHc1(samplePayload(), { issuerCountry: 'DE', issuedAt, expiresAt, signer: { privateKey } });
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof DccError ? error.code : 'untyped';
      }
      return 'accepted';
    };
    const mid = new Date('2022-06-01T00:00:00Z');
    expect(code(() => verifyHc1(hc1, { key: publicKey, now: mid }))).toBe('accepted');
    expect(code(() => verifyHc1(hc1, { key: p256KeyPair().publicKey, now: mid }))).toBe('key_mismatch');
    expect(code(() => verifyHc1(hc1, { key: publicKey, now: new Date('2023-02-01T00:00:00Z') }))).toBe('expired');
    expect(code(() => verifyHc1(hc1, { key: publicKey, now: new Date('2022-01-01T00:00:00Z') }))).toBe('not_yet_valid');
    expect(code(() => verifyHc1('HC2:ABC', { key: publicKey }))).toBe('malformed');
    expect(code(() => verifyHc1('HC1:ABCD', { key: publicKey }))).toBe('malformed');

    const message = decodeCoseSign1(inflateSync(base45Decode(hc1.slice(4))));
    const signature = Buffer.from(message.signature);
    signature[10] = signature[10]! ^ 0x01;
    const forged = nodeCbor.encode(new nodeCbor.Tagged(18, [Buffer.from(message.protectedBytes), new Map(), Buffer.from(message.payload), signature]));
    expect(code(() => verifyHc1(HC1_PREFIX + base45Encode(forged), { key: publicKey, now: mid }))).toBe('signature_invalid');
  });

  it('refuses a certificate that does not belong to the signing key', () => {
    const certificate = selfSignedCertificate(p256KeyPair().privateKey);
    const { privateKey } = p256KeyPair();
    expect(() => encodeHc1(samplePayload(), { issuerCountry: 'DE', expiresAt, issuedAt, signer: { privateKey, certificate } })).toThrow(
      expect.objectContaining({ code: 'key_mismatch' }),
    );
  });
});
