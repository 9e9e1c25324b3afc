import type { ProblemDetails } from '@vaccinate/api-contracts';
import { createCertificateAuthority, generateSigningKey, issueDocumentSigner } from '@vaccinate/tenant-provisioning';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { metricsOf } from '../../src/metrics/api-metrics';
import { createCatalogue, type Catalogue } from '../support/booking-fixture';
import { certificateMails, certificateRowsOf, createHolder, documentVaccination } from '../support/certificate-fixture';
import { provisionTestTenant, rowsOf, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

const DAY_MS = 86_400_000;

/**
 * A DSC that lapses while the API runs: the clock (Date only) is moved past its notAfter, and the
 * API must neither sign under it nor lose the documentation that would have produced a certificate.
 */
describe('a Document Signer Certificate that lapses', () => {
  let api: RunningApi;
  let catalogue: Catalogue;
  let notAfter: Date;
  let retiredNotAfter: Date;

  beforeAll(async () => {
    const authority = await createCertificateAuthority({ country: 'DE', commonName: 'Test CSCA' });
    const current = generateSigningKey();
    const retired = generateSigningKey();
    // Two years of validity that began 700 days ago: 30 days left.
    const currentDsc = await issueDocumentSigner(authority, current, { country: 'DE', commonName: 'expiry v2' }, 2, new Date(Date.now() - 700 * DAY_MS));
    const retiredDsc = await issueDocumentSigner(authority, retired, { country: 'DE', commonName: 'expiry v1' }, 2, new Date(Date.now() - 800 * DAY_MS));
    const tenant = await provisionTestTenant(inject('postgresAdminUrl'), 'dsc-expiry');
    api = await startTestApi(tenant, {
      METRICS_PORT: '9464',
      CERTIFICATE_CSCA: authority.certificate,
      CERTIFICATE_SIGNING_KEYS: `v2:${current},v1:${retired}`,
      CERTIFICATE_SIGNING_KEY_CURRENT: 'v2',
      CERTIFICATE_SIGNER_CERTIFICATES: `v2:${currentDsc},v1:${retiredDsc}`,
    });
    notAfter = new Date(api.config.certificateKeys.current.signerCertificate?.validTo ?? 0);
    retiredNotAfter = new Date(api.config.certificateKeys.keys.find((key) => key.id === 'v1')?.signerCertificate?.validTo ?? 0);
    catalogue = await createCatalogue(api, await staffToken(api, ['doctor']));
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await api?.close();
  });

  it("exposes each DSC's notAfter, the current one marked, for the lapse alerts", async () => {
    const text = await metricsOf(api.app)!.registry.metrics();
    expect(text).toContain(`vaccinate_certificate_signer_not_after_seconds{key="v2",current="true"} ${notAfter.getTime() / 1000}`);
    expect(text).toContain(`vaccinate_certificate_signer_not_after_seconds{key="v1",current="false"} ${retiredNotAfter.getTime() / 1000}`);
  });

  it('signs while the DSC is valid, then answers 503 certificate.signer_not_valid to a request or correction and keeps documenting without a certificate', async () => {
    const doctor = await staffToken(api, ['doctor']);
    const holder = await createHolder(api, doctor);
    const before = await documentVaccination(api, catalogue, { personId: holder.id, doseNumber: 1, administeredAt: '2026-03-02T09:15:00Z' });
    expect(await certificateRowsOf(api, before)).toHaveLength(1);
    const mailsBefore = (await certificateMails(api)).length;

    vi.useFakeTimers({ toFake: ['Date'], now: notAfter.getTime() + DAY_MS });
    const lateDoctor = await staffToken(api, ['doctor']);
    const logsBefore = api.logs.length;
    const refused = await api.request(`/api/vaccinations/${before}/certificates`, { method: 'POST', token: lateDoctor });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await refused.json()) as ProblemDetails;
    expect(problem.code).toBe('certificate.signer_not_valid');
    expect(await certificateRowsOf(api, before)).toHaveLength(1);

    // The documentation commits; the certificate waits for staff to issue it after the rotation.
    const after = await documentVaccination(api, catalogue, { personId: holder.id, doseNumber: 2, administeredAt: '2026-04-02T09:15:00Z' });
    expect(await rowsOf(api.tenant.databaseUrl, 'SELECT status FROM vaccination WHERE id = $1', [after])).toEqual([{ status: 'valid' }]);
    expect(await certificateRowsOf(api, after)).toEqual([]);
    expect((await certificateMails(api)).length).toBe(mailsBefore);

    // A correction would revoke and re-sign: it is refused whole, so the old certificate stays valid and unrevoked.
    const corrected = await api.request(`/api/people/${holder.id}`, {
      method: 'PATCH',
      token: lateDoctor,
      body: { familyName: 'Neumann', version: holder.version, reason: 'Name misspelt at sign-up' },
    });
    expect(corrected.status).toBe(503);
    expect(((await corrected.json()) as ProblemDetails).code).toBe('certificate.signer_not_valid');
    expect(await certificateRowsOf(api, before)).toEqual([expect.objectContaining({ revoked_at: null })]);
    expect(((await (await api.request(`/api/people/${holder.id}`, { token: lateDoctor })).json()) as { familyName: string }).familyName).toBe(holder.familyName);

    // One error per refused signature, naming the key and its DSC's dates; nothing about the holder anywhere.
    const lines = api.logs.slice(logsBefore);
    const refusals = lines.filter((line) => line.includes('the current DSC is not valid')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(refusals).toHaveLength(3);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ level: 50, code: 'certificate.signer_not_valid', key: 'v2', state: 'expired', notAfter: notAfter.toISOString() });
    }
    for (const personal of [holder.familyName, holder.givenName, holder.email, holder.birthDate]) expect(lines.join('')).not.toContain(personal);
  });
});
