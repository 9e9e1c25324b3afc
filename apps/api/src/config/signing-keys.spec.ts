import { X509Certificate } from 'node:crypto';
import { createCertificateAuthority, generateSigningKey, issueDocumentSigner } from '@vaccinate/tenant-provisioning';
import { beforeAll, describe, expect, it } from 'vitest';
import { signerValidityAt } from './signing-keys';

const DAY_MS = 86_400_000;

describe('signerValidityAt', () => {
  let dsc: X509Certificate;
  const notBefore = new Date('2026-01-10T00:00:00Z');

  beforeAll(async () => {
    const authority = await createCertificateAuthority({ country: 'DE', commonName: 'Test CSCA' });
    const der = await issueDocumentSigner(authority, generateSigningKey(), { country: 'DE', commonName: 'signer' }, 2, notBefore);
    dsc = new X509Certificate(Buffer.from(der, 'base64'));
  });

  it('signs from notBefore through notAfter, both included', () => {
    const notAfter = new Date(notBefore.getTime() + 2 * 365 * DAY_MS);
    expect(signerValidityAt(dsc, notBefore)).toEqual({ state: 'valid', notBefore, notAfter });
    expect(signerValidityAt(dsc, notAfter).state).toBe('valid');
    expect(signerValidityAt(dsc, new Date(notBefore.getTime() + 300 * DAY_MS)).state).toBe('valid');
  });

  it('refuses a moment before notBefore or after notAfter', () => {
    expect(signerValidityAt(dsc, new Date(notBefore.getTime() - 1000)).state).toBe('not_yet_valid');
    expect(signerValidityAt(dsc, new Date(notBefore.getTime() + 2 * 365 * DAY_MS + 1000)).state).toBe('expired');
  });
});
