import { execFileSync } from 'node:child_process';
import { X509Certificate, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DCC_VACCINES, buildVaccinationPayload, encodeHc1 } from '@vaccinate/eu-dcc';
import { buildImmunizationBundle, createHealthCardJws, jwsToQrText, shcPublicJwk } from '@vaccinate/smart-health-card';
import { describe, expect, it } from 'vitest';
import type { IssuerDirectory, IssuerTenant, PublicJwk } from './issuer-directory';
import { verifyCertificateCode } from './verify-certificate-code';

// The codes are made by the server libs (cbor2, node:zlib, jose): an independent implementation.
const now = new Date('2026-06-01T00:00:00Z');
const issuedAt = new Date('2026-03-02T10:00:00Z');
const expiresAt = new Date('2027-03-02T10:00:00Z');
const holder = { familyName: 'Großmann', givenName: 'Zoë', birthDate: '1984-02-29' };

/** A Document Signer Certificate for the key, made with the openssl CLI: yet another implementation. */
function signerCertificate(privateKey: KeyObject): X509Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'verify-dsc-'));
  try {
    writeFileSync(join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    execFileSync('openssl', ['req', '-new', '-x509', '-key', join(dir, 'key.pem'), '-out', join(dir, 'dsc.pem'), '-days', '730', '-subj', '/CN=DSC/C=DE', '-sha256']);
    return new X509Certificate(readFileSync(join(dir, 'dsc.pem')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function tenant(slug: string): IssuerTenant & { privateKey: KeyObject; certificate: X509Certificate } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const origin = `http://${slug}.localhost:8080`;
  return {
    slug,
    displayName: slug.toUpperCase(),
    origins: [origin],
    jwksUrl: `${origin}/.well-known/jwks.json`,
    trustListUrl: `${origin}/api/certificates/trust-list`,
    revocationsUrl: `${origin}/api/certificates/revocations`,
    privateKey,
    certificate: signerCertificate(privateKey),
  };
}

const acme = tenant('acme');
const globex = tenant('globex');

async function directory(revoked: string[] = [], publish = [acme, globex], publishSigners = publish): Promise<IssuerDirectory> {
  const keys = new Map<string, PublicJwk[]>();
  for (const t of publish) keys.set(t.slug, [await shcPublicJwk(t.privateKey)]);
  const signers = new Map(publishSigners.map((t) => [t.slug, [new Uint8Array(t.certificate.raw)]]));
  return {
    tenants: [acme, globex],
    keys: async (t) => keys.get(t.slug) ?? [],
    signerCertificates: async (t) => signers.get(t.slug) ?? [],
    revokedIds: async (t) => new Set(t.slug === 'acme' ? revoked : []),
  };
}

function hc1(signer: KeyObject, certificateId = 'URN:UVCI:01:DE:ACME/ABC#X', certificate?: X509Certificate): string {
  const payload = buildVaccinationPayload({
    ...holder,
    vaccine: DCC_VACCINES.comirnaty,
    doseNumber: 3,
    seriesDoses: 3,
    date: '2026-03-02',
    country: 'DE',
    issuer: 'ACME',
    certificateId,
  });
  return encodeHc1(payload, { issuerCountry: 'DE', issuedAt, expiresAt, signer: { privateKey: signer, ...(certificate ? { certificate } : {}) } });
}

describe('verifying an HC1 code in the browser', () => {
  it('finds the tenant whose key signed it, shows the content and the revocation state', async () => {
    const result = await verifyCertificateCode(hc1(acme.privateKey), await directory(), now);
    expect(result).toMatchObject({
      format: 'eu-dcc',
      signature: 'valid',
      tenant: { slug: 'acme', displayName: 'ACME' },
      holder,
      doses: [{ product: 'Comirnaty', doseNumber: 3, seriesDoses: 3, date: '2026-03-02', country: 'DE' }],
      certificateId: 'URN:UVCI:01:DE:ACME/ABC#X',
      expired: false,
      revocation: 'not-revoked',
    });
    expect((await verifyCertificateCode(hc1(acme.privateKey), await directory(['URN:UVCI:01:DE:ACME/ABC#X']), now)).revocation).toBe('revoked');
    expect((await verifyCertificateCode(hc1(acme.privateKey), await directory(), new Date('2027-04-01T00:00:00Z'))).expired).toBe(true);
  });

  it('verifies a code whose kid names its Document Signer Certificate through the trust list, and only through it', async () => {
    const code = hc1(globex.privateKey, 'URN:UVCI:01:DE:GLOBEX/1#A', globex.certificate);
    expect(await verifyCertificateCode(code, await directory(), now)).toMatchObject({ signature: 'valid', tenant: { slug: 'globex' } });
    // The JWKS alone (the bare key's kid) does not match a DSC kid.
    expect((await verifyCertificateCode(code, await directory([], [acme, globex], [acme]), now)).signature).toBe('unknown-issuer');
    // Under a DSC no tenant lists (acme's JWKS key is the same key, but its kid is not the DSC's).
    const unlisted = hc1(acme.privateKey, 'URN:UVCI:01:DE:ACME/1#A', acme.certificate);
    expect((await verifyCertificateCode(unlisted, await directory([], [acme, globex], [globex]), now)).signature).toBe('unknown-issuer');
  });

  it('names no tenant for a key nobody here publishes', async () => {
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const result = await verifyCertificateCode(hc1(stranger), await directory(), now);
    expect(result.signature).toBe('unknown-issuer');
    expect(result.tenant).toBeUndefined();
    expect(result.revocation).toBe('unknown');
  });

  it('refuses text that is no certificate code', async () => {
    await expect(verifyCertificateCode('HC1:NOT*BASE45', await directory(), now)).rejects.toThrow(/does not decode/);
    await expect(verifyCertificateCode('hello', await directory(), now)).rejects.toThrow(/neither/);
  });
});

describe('verifying a SMART Health Card in the browser', () => {
  const bundle = buildImmunizationBundle(holder, [{ vaccine: 'comirnaty', date: '2026-03-02', lotNumber: 'FD7001' }]);

  it('verifies against the key of the tenant named as issuer, and finds its revocation id in the list', async () => {
    const jws = await createHealthCardJws(bundle, { issuer: acme.origins[0]!, privateKey: acme.privateKey, issuedAt, revocationId: 'rid-42' });
    const result = await verifyCertificateCode(jwsToQrText(jws), await directory(), now);
    expect(result).toMatchObject({
      format: 'smart-health-card',
      signature: 'valid',
      tenant: { slug: 'acme' },
      holder: { familyName: 'Großmann', givenName: 'Zoë', birthDate: '1984-02-29' },
      doses: [{ product: 'Comirnaty', date: '2026-03-02', lotNumber: 'FD7001' }],
      revocation: 'not-revoked',
    });
    expect((await verifyCertificateCode(jwsToQrText(jws), await directory(['rid-42']), now)).revocation).toBe('revoked');
    const withoutRid = await createHealthCardJws(bundle, { issuer: acme.origins[0]!, privateKey: acme.privateKey, issuedAt });
    expect((await verifyCertificateCode(jwsToQrText(withoutRid), await directory(), now)).revocation).toBe('unknown');
  });

  it('says invalid when another key signed a card naming the tenant, and unknown for a foreign issuer', async () => {
    const forged = await createHealthCardJws(bundle, { issuer: acme.origins[0]!, privateKey: globex.privateKey, issuedAt });
    expect((await verifyCertificateCode(jwsToQrText(forged), await directory(), now)).signature).toBe('invalid');
    const foreign = await createHealthCardJws(bundle, { issuer: 'https://elsewhere.example', privateKey: acme.privateKey, issuedAt });
    expect((await verifyCertificateCode(jwsToQrText(foreign), await directory(), now)).signature).toBe('unknown-issuer');
  });
});
