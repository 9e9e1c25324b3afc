import type { AccessTokenKeySet, DccTrustList } from '@vaccinate/api-contracts';
import { openCertificateToken, CertificateTokenError, type IssuedCertificateRecord } from '@vaccinate/certificate-token';
import { decodeHc1, verifyHc1 } from '@vaccinate/eu-dcc';
import { verifyHealthCardJws } from '@vaccinate/smart-health-card';
import { createCertificateAuthority, generateSigningKey, issueDocumentSigner, type CertificateAuthority } from '@vaccinate/tenant-provisioning';
import { X509Certificate, createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCatalogue } from '../support/booking-fixture';
import { HOLDER, certificateMails, createHolder, documentVaccination, jwksOf, tokenOf, trustListOf } from '../support/certificate-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi, type TestTenant } from '../support/tenant-fixture';

/** A private key entry as its retired, public-only form: `<id>:<base64 SPKI DER>`. */
function retired(id: string, privateKeyDer: string): string {
  const key = createPrivateKey({ key: Buffer.from(privateKeyDer, 'base64'), format: 'der', type: 'pkcs8' });
  return `${id}:${createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('base64')}`;
}

/**
 * Keys per purpose, checked with node:crypto's X509Certificate (the certificates are made with
 * @peculiar/x509): the HC1 kid and chain through the published DSC, different kids for staff
 * tokens and certificates, and rotation: a retired key verifies while configured, not after.
 */
describe('signing keys per purpose', () => {
  let tenant: TestTenant;
  let api: RunningApi | undefined;
  let authority: CertificateAuthority;
  const keys = { token: { v1: generateSigningKey(), v2: generateSigningKey() }, certificate: { v1: generateSigningKey(), v2: generateSigningKey() } };
  const dsc: { v1: string; v2: string } = { v1: '', v2: '' };

  async function start(variables: Record<string, string>): Promise<RunningApi> {
    await api?.close();
    api = await startTestApi(tenant, { CERTIFICATE_CSCA: authority.certificate, ...variables });
    return api;
  }

  const firstGeneration = () => ({
    ACCESS_TOKEN_KEYS: `v1:${keys.token.v1}`,
    ACCESS_TOKEN_KEY_CURRENT: 'v1',
    CERTIFICATE_SIGNING_KEYS: `v1:${keys.certificate.v1}`,
    CERTIFICATE_SIGNING_KEY_CURRENT: 'v1',
    CERTIFICATE_SIGNER_CERTIFICATES: `v1:${dsc.v1}`,
  });
  const rotated = () => ({
    ACCESS_TOKEN_KEYS: `v2:${keys.token.v2},${retired('v1', keys.token.v1)}`,
    ACCESS_TOKEN_KEY_CURRENT: 'v2',
    CERTIFICATE_SIGNING_KEYS: `v2:${keys.certificate.v2},${retired('v1', keys.certificate.v1)}`,
    CERTIFICATE_SIGNING_KEY_CURRENT: 'v2',
    CERTIFICATE_SIGNER_CERTIFICATES: `v2:${dsc.v2},v1:${dsc.v1}`,
  });
  const retiredRemoved = () => ({
    ACCESS_TOKEN_KEYS: `v2:${keys.token.v2}`,
    ACCESS_TOKEN_KEY_CURRENT: 'v2',
    CERTIFICATE_SIGNING_KEYS: `v2:${keys.certificate.v2}`,
    CERTIFICATE_SIGNING_KEY_CURRENT: 'v2',
    CERTIFICATE_SIGNER_CERTIFICATES: `v2:${dsc.v2}`,
  });

  /** What the first generation of keys signed: a staff token and a certificate (its token and record). */
  let old: { staffToken: string; certificateToken: string; record: IssuedCertificateRecord };

  beforeAll(async () => {
    authority = await createCertificateAuthority({ country: 'DE', commonName: 'Test CSCA' });
    dsc.v1 = await issueDocumentSigner(authority, keys.certificate.v1, { country: 'DE', commonName: 'keys v1' });
    dsc.v2 = await issueDocumentSigner(authority, keys.certificate.v2, { country: 'DE', commonName: 'keys v2' });
    tenant = await provisionTestTenant(inject('postgresAdminUrl'), 'keys');
    const first = await start(firstGeneration());
    const doctor = await staffToken(first, ['doctor']);
    const catalogue = await createCatalogue(first, doctor);
    const person = await createHolder(first, doctor);
    await documentVaccination(first, catalogue, { personId: person.id, doseNumber: 1, administeredAt: '2026-03-02T09:15:00Z' });
    const mail = (await certificateMails(first)).find((candidate) => candidate.to.email === person.email);
    if (!mail) throw new Error('no certificate mail');
    const certificateToken = await tokenOf(first, mail);
    const record = (await open(first, certificateToken)).record as IssuedCertificateRecord;
    old = { staffToken: doctor, certificateToken, record };
  });
  afterAll(async () => {
    await api?.close();
  });

  async function open(running: RunningApi, token: string) {
    return openCertificateToken(token, {
      personalData: HOLDER,
      secrets: [running.config.certificates.secret],
      jwks: await jwksOf(running),
      issuer: running.config.publicUrl,
    });
  }

  async function staffStatus(running: RunningApi, token: string): Promise<number> {
    return (await running.request('/api/people', { token })).status;
  }

  it('signs the HC1 under its DSC: kid = SHA-256(DSC DER)[0..8], DSC chained to the CSCA, signature verified with the DSC key', async () => {
    const running = await start(firstGeneration());
    const list = await trustListOf(running);
    expect(list.certificates.map((entry) => [entry.certificateType, entry.country])).toEqual([
      ['DSC', 'DE'],
      ['CSCA', 'DE'],
    ]);
    const [signerEntry, authorityEntry] = list.certificates as [DccTrustList['certificates'][number], DccTrustList['certificates'][number]];
    const signer = new X509Certificate(Buffer.from(signerEntry.rawData, 'base64'));
    const csca = new X509Certificate(Buffer.from(authorityEntry.rawData, 'base64'));
    expect(signer.checkIssued(csca)).toBe(true);
    expect(signer.verify(csca.publicKey)).toBe(true);
    expect(csca.verify(csca.publicKey)).toBe(true);
    expect(signer.keyUsage).toEqual(['1.3.6.1.4.1.1847.2021.1.2']);

    const expectedKid = createHash('sha256').update(signer.raw).digest().subarray(0, 8);
    expect(Buffer.from(signerEntry.kid, 'base64')).toEqual(expectedKid);
    expect(signerEntry.thumbprint).toBe(createHash('sha256').update(signer.raw).digest('hex'));
    expect(Buffer.from(decodeHc1(old.record.hc1).kid ?? [])).toEqual(expectedKid);
    // The signature with the DSC's public key (a bare key: the kid check is the one above).
    expect(verifyHc1(old.record.hc1, { key: signer }).payload.dob).toBe(HOLDER.birthDate);
    const otherKey = createPrivateKey({ key: Buffer.from(keys.certificate.v2, 'base64'), format: 'der', type: 'pkcs8' });
    expect(() => verifyHc1(old.record.hc1, { key: createPublicKey(otherKey) })).toThrow(/key id/);
  });

  it('gives staff tokens and certificates different keys and kids', async () => {
    const running = await start(firstGeneration());
    const tokenKeys = ((await (await running.request('/api/auth/keys')).json()) as AccessTokenKeySet).keys.map((key) => key.kid);
    const certificateKeys = (await jwksOf(running)).keys.map((key) => key.kid);
    const staffKid = decodeProtectedHeader(old.staffToken).kid;
    const cardKid = decodeProtectedHeader(old.record.shcJws).kid;
    expect(tokenKeys).toEqual([staffKid]);
    expect(certificateKeys).toEqual([cardKid]);
    expect(staffKid).not.toBe(cardKid);
    // A staff-token key is not a certificate key: nobody verifies a certificate with it.
    await expect(
      verifyHealthCardJws(old.record.shcJws, { keys: { keys: ((await (await running.request('/api/auth/keys')).json()) as AccessTokenKeySet).keys } }),
    ).rejects.toThrow();
  });

  it('keeps verifying what a retired key signed while it is published, and signs anew with the current key', async () => {
    const running = await start(rotated());
    expect(await staffStatus(running, old.staffToken)).toBe(200);
    expect((await open(running, old.certificateToken)).record).toMatchObject({ certificateId: old.record.certificateId });
    const list = await trustListOf(running);
    expect(list.certificates.filter((entry) => entry.certificateType === 'DSC').map((entry) => entry.rawData)).toEqual([dsc.v2, dsc.v1]);
    const oldSigner = list.certificates.find((entry) => Buffer.from(entry.kid, 'base64').equals(Buffer.from(decodeHc1(old.record.hc1).kid ?? [])));
    expect(verifyHc1(old.record.hc1, { key: oldSigner?.rawData ?? '' }).payload.dob).toBe(HOLDER.birthDate);
    expect((await jwksOf(running)).keys).toHaveLength(2);
    await expect(verifyHealthCardJws(old.record.shcJws, { keys: await jwksOf(running) })).resolves.toBeTruthy();

    const fresh = await staffToken(running, ['assistant']);
    expect(decodeProtectedHeader(fresh).kid).not.toBe(decodeProtectedHeader(old.staffToken).kid);
    expect(await staffStatus(running, fresh)).toBe(200);
  });

  it('refuses what a retired key signed once the key is removed', async () => {
    const running = await start(retiredRemoved());
    expect(await staffStatus(running, old.staffToken)).toBe(401);
    const refused = await open(running, old.certificateToken).then(
      () => 'accepted',
      (error: unknown) => (error instanceof CertificateTokenError ? error.code : String(error)),
    );
    expect(refused).toBe('signature_invalid');
    const list = await trustListOf(running);
    expect(list.certificates.map((entry) => entry.rawData)).not.toContain(dsc.v1);
    await expect(verifyHealthCardJws(old.record.shcJws, { keys: await jwksOf(running) })).rejects.toThrow();
  });
});
