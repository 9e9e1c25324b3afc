import type { CertificateRevocationList, IssuedCertificateResponse, ProblemDetails } from '@vaccinate/api-contracts';
import { CertificateTokenError, openCertificateToken, type IssuedCertificateRecord, type OpenedCertificate } from '@vaccinate/certificate-token';
import { isValidUvci, verifyHc1 } from '@vaccinate/eu-dcc';
import { verifyHealthCardJws } from '@vaccinate/smart-health-card';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Vaccination, VaccinationDay } from '@vaccinate/api-contracts';
import { book, createCatalogue, createDay, inDays, person as bookingPerson, type Catalogue } from '../support/booking-fixture';
import { checkInAndAnswer, send, startDaySoon, tenantSql } from '../support/day-run-fixture';
import { HOLDER, certificateMails, certificateRowsOf, createHolder, documentVaccination, jwksOf, signerCertificateOf, tokenOf } from '../support/certificate-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { AuthService } from '../../src/modules/auth/auth.service';

describe('certificates issued by the API', () => {
  let acme: RunningApi;
  let globex: RunningApi;
  let doctor: string;
  let catalogue: Catalogue;

  beforeAll(async () => {
    const adminUrl = inject('postgresAdminUrl');
    [acme, globex] = await Promise.all([
      provisionTestTenant(adminUrl, 'cert-a').then((t) => startTestApi(t, { CAPTCHA_MAX_NUMBER: '200' })),
      // The second tenant prints who vaccinated; the first keeps the default (off).
      provisionTestTenant(adminUrl, 'cert-b').then((t) => startTestApi(t, { CERTIFICATE_VACCINATOR_NAME: 'on' })),
    ]);
    doctor = await staffToken(acme, ['doctor']);
    catalogue = await createCatalogue(acme, doctor);
  });
  afterAll(async () => {
    await acme?.close();
    await globex?.close();
  });

  async function open(api: RunningApi, token: string, overrides: Partial<Parameters<typeof openCertificateToken>[1]> = {}): Promise<OpenedCertificate> {
    return openCertificateToken(token, {
      personalData: HOLDER,
      secrets: [api.config.certificates.secret],
      jwks: await jwksOf(api),
      issuer: api.config.publicUrl,
      ...overrides,
    });
  }

  async function refusal(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
      return 'accepted';
    } catch (error) {
      return error instanceof CertificateTokenError ? error.code : `untyped: ${String(error)}`;
    }
  }

  async function latestMailTo(email: string) {
    const mails = (await certificateMails(acme)).filter((mail) => mail.to.email === email);
    return { mail: mails[mails.length - 1]!, count: mails.length };
  }

  it('mails a link on documentation whose token opens with the personal data and carries signed QR payloads', async () => {
    const person = await createHolder(acme, doctor);
    const vaccinationId = await documentVaccination(acme, catalogue, { personId: person.id, doseNumber: 1, administeredAt: '2026-03-02T09:15:00Z' });
    const { mail, count } = await latestMailTo(person.email);
    expect(count).toBe(1);
    const url = mail.data.certificateUrl;
    expect(url.startsWith(`${acme.config.publicUrl}/certificate#`)).toBe(true);
    expect(new URL(url).search).toBe('');
    // A short link: the reference, not the several-thousand-character token.
    expect(url).toMatch(/\/certificate#ref=[A-Za-z0-9_-]{22}$/);
    expect(url.length).toBeLessThan(120);
    expect(mail.data).toMatchObject({ productName: 'Comirnaty', doseNumber: 1, seriesDoses: 2, vaccinationDate: '2026-03-02', replacesEarlier: false });

    const token = await tokenOf(acme, mail);
    expect(token).not.toContain(HOLDER.familyName);
    const opened = await open(acme, token, { personalData: { familyName: 'grossmann-nunez', givenName: 'ZOE  AMELIE', birthDate: HOLDER.birthDate } });
    const record = opened.record as IssuedCertificateRecord;
    expect(opened.issuer).toBe(acme.config.publicUrl);
    expect(isValidUvci(record.certificateId)).toBe(true);
    expect(record.certificateId.startsWith(`URN:UVCI:01:DE:${acme.tenant.slug.toUpperCase().replace(/-/g, '/')}/`)).toBe(true);
    expect(record).toMatchObject({
      person: HOLDER,
      tenant: acme.tenant.slug,
      doses: [
        { vaccine: 'comirnaty', productName: 'Comirnaty', manufacturer: 'BioNTech Manufacturing GmbH', doseNumber: 1, seriesDoses: 2, date: '2026-03-02', country: 'DE' },
      ],
    });

    // Both QR payloads verify with the key the tenant publishes.
    const jwks = await jwksOf(acme);
    // The EU DCC through its Document Signer Certificate from the trust list, as EU verifiers do.
    const dcc = verifyHc1(record.hc1, { key: await signerCertificateOf(acme), now: new Date() });
    expect(dcc.payload.v?.[0]).toMatchObject({ dn: 1, sd: 2, dt: '2026-03-02', ci: record.certificateId, mp: 'EU/1/20/1528', co: 'DE' });
    expect(dcc.payload.nam).toMatchObject({ fn: HOLDER.familyName, gn: HOLDER.givenName, fnt: 'GROSSMANN<NUNEZ' });
    const card = await verifyHealthCardJws(record.shcJws, { keys: jwks, issuer: acme.config.publicUrl });
    expect(card.payload.iss).toBe(acme.config.publicUrl);
    expect(card.payload.vc.rid).toMatch(/^[A-Za-z0-9_-]{11}$/);

    const certificate = await certificateRowsOf(acme, vaccinationId);
    expect(certificate).toEqual([{ certificate_id: record.certificateId, revoked_at: null }]);
  });

  it('numbers boosters as in the DCC examples and lists the history', async () => {
    const person = await createHolder(acme, doctor);
    await documentVaccination(acme, catalogue, { personId: person.id, doseNumber: 1, administeredAt: '2025-01-10T09:00:00Z' });
    await documentVaccination(acme, catalogue, { personId: person.id, doseNumber: 2, administeredAt: '2025-02-07T09:00:00Z' });
    await documentVaccination(acme, catalogue, { personId: person.id, doseNumber: 3, administeredAt: '2025-09-01T09:00:00Z' });
    const record = (await open(acme, await tokenOf(acme, (await latestMailTo(person.email)).mail))).record as IssuedCertificateRecord;
    expect(record.doses.map((dose) => `${dose.doseNumber}/${dose.seriesDoses}`)).toEqual(['1/2', '2/2', '3/3']);
    const dcc = verifyHc1(record.hc1, { key: await signerCertificateOf(acme) });
    expect(dcc.payload.v?.[0]).toMatchObject({ dn: 3, sd: 3 });

    const janssen = await createHolder(acme, doctor);
    await documentVaccination(acme, catalogue, { personId: janssen.id, doseNumber: 1, administeredAt: '2025-01-10T09:00:00Z', product: 'jcovden' });
    await documentVaccination(acme, catalogue, { personId: janssen.id, doseNumber: 2, administeredAt: '2025-06-10T09:00:00Z', product: 'jcovden' });
    const booster = (await open(acme, await tokenOf(acme, (await latestMailTo(janssen.email)).mail))).record;
    expect(booster.doses.map((dose) => `${dose.doseNumber}/${dose.seriesDoses}`)).toEqual(['1/1', '2/1']);
  });

  it('refuses tampering: a flipped byte, a wrong key, an expired token and wrong personal data', async () => {
    const person = await createHolder(acme, doctor);
    await documentVaccination(acme, catalogue, { personId: person.id, doseNumber: 1, administeredAt: '2026-03-02T09:15:00Z' });
    const token = await tokenOf(acme, (await latestMailTo(person.email)).mail);
    const parts = token.split('.');
    const ciphertext = Buffer.from(parts[3]!, 'base64url');
    ciphertext[7]! ^= 0x01;
    const flipped = [parts[0], parts[1], parts[2], ciphertext.toString('base64url'), parts[4]].join('.');

    expect(await refusal(open(acme, flipped))).toBe('details_mismatch');
    expect(await refusal(open(acme, token, { personalData: { ...HOLDER, birthDate: '1984-03-01' } }))).toBe('details_mismatch');
    expect(await refusal(open(acme, token, { personalData: { ...HOLDER, givenName: 'Zoe' } }))).toBe('details_mismatch');
    // Another tenant's secret, and another tenant's signing keys.
    expect(await refusal(open(acme, token, { secrets: [{ ...globex.config.certificates.secret, id: acme.config.certificates.secret.id }] }))).toBe('details_mismatch');
    expect(await refusal(open(acme, token, { jwks: await jwksOf(globex) }))).toBe('signature_invalid');
    expect(await refusal(open(acme, token, { now: new Date(Date.now() + 400 * 86_400_000) }))).toBe('expired');
    expect(await refusal(open(acme, token))).toBe('accepted');
  });

  it('names the vaccinating doctor on the certificate only where the tenant turned it on, never in the QR payloads', async () => {
    const createDoctor = async (api: RunningApi) => {
      const created = await api.app.get(AuthService).createStaff(`anna.${Math.random().toString(36).slice(2, 8)}@staff.example`, 'Dr. Anna Weiß', ['doctor']);
      return created!.staff.id;
    };
    const recordOf = async (api: RunningApi, email: string) => {
      const mails = (await certificateMails(api)).filter((mail) => mail.to.email === email);
      return (await open(api, await tokenOf(api, mails[mails.length - 1]!))).record as IssuedCertificateRecord;
    };

    const offHolder = await createHolder(acme, doctor);
    await documentVaccination(acme, catalogue, { personId: offHolder.id, doseNumber: 1, administeredAt: '2026-03-02T09:15:00Z', vaccinator: await createDoctor(acme) });
    expect((await recordOf(acme, offHolder.email)).doses[0]).not.toHaveProperty('vaccinatorName');

    const globexDoctor = await staffToken(globex, ['doctor']);
    const globexCatalogue = await createCatalogue(globex, globexDoctor);
    const holder = await createHolder(globex, globexDoctor);
    const anna = await createDoctor(globex);
    await documentVaccination(globex, globexCatalogue, { personId: holder.id, doseNumber: 1, administeredAt: '2026-03-02T09:15:00Z', vaccinator: anna });
    // A subject without a staff account here (the identity provider's) names no one.
    await documentVaccination(globex, globexCatalogue, { personId: holder.id, doseNumber: 2, administeredAt: '2026-04-02T09:15:00Z', vaccinator: 'idp|4711' });
    const record = await recordOf(globex, holder.email);
    expect(record.doses.map((dose) => dose.vaccinatorName ?? null)).toEqual(['Dr. Anna Weiß', null]);
    const jwks = await jwksOf(globex);
    const dcc = verifyHc1(record.hc1, { key: await signerCertificateOf(globex) });
    const card = await verifyHealthCardJws(record.shcJws, { keys: jwks, issuer: globex.config.publicUrl });
    expect(JSON.stringify([dcc.payload, card.payload])).not.toMatch(/Anna|Weiß/);
  });

  it('keeps certificate identifiers and secret ids apart between tenants', () => {
    expect(acme.config.certificates.secret.id).toBe(`${acme.tenant.slug}-1`);
    expect(globex.config.certificates.secret.id).not.toBe(acme.config.certificates.secret.id);
  });

  it('lets a doctor issue a certificate for any valid dose, and refuses what it cannot certify', async () => {
    const person = await createHolder(acme, doctor);
    const first = await documentVaccination(acme, catalogue, { personId: person.id, doseNumber: 1, administeredAt: '2026-01-05T10:00:00Z' });
    await documentVaccination(acme, catalogue, { personId: person.id, doseNumber: 2, administeredAt: '2026-02-05T10:00:00Z' });
    const response = await acme.request(`/api/vaccinations/${first}/certificates`, { method: 'POST', token: doctor });
    expect(response.status).toBe(201);
    const issued = (await response.json()) as IssuedCertificateResponse;
    expect(issued.vaccinationId).toBe(first);
    const { mail, count } = await latestMailTo(person.email);
    expect(count).toBe(3);
    const record = (await open(acme, await tokenOf(acme, mail))).record;
    expect(record.certificateId).toBe(issued.certificateId);
    expect(record.doses).toHaveLength(1);

    const assistant = await staffToken(acme, ['assistant']);
    expect((await acme.request(`/api/vaccinations/${first}/certificates`, { method: 'POST', token: assistant })).status).toBe(403);
    const missing = await acme.request('/api/vaccinations/7d4c3c1e-3f5b-4c6a-9f00-8c1f2d3e4a5b/certificates', { method: 'POST', token: doctor });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(((await missing.json()) as ProblemDetails).code).toBe('certificate.vaccination_not_found');
    const malformed = await acme.request('/api/vaccinations/not-a-uuid/certificates', { method: 'POST', token: doctor });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ProblemDetails).errors).toEqual([{ field: 'id', message: 'must be a UUID', rule: 'format:uuid' }]);
  });

  it('revokes on a corrected dose, publishes the revocation and mails a new certificate', async () => {
    const person = await createHolder(acme, doctor);
    const original = await documentVaccination(acme, catalogue, { personId: person.id, doseNumber: 1, administeredAt: '2026-03-02T09:15:00Z' });
    const before = (await open(acme, await tokenOf(acme, (await latestMailTo(person.email)).mail))).record;
    const corrected = await documentVaccination(acme, catalogue, {
      personId: person.id,
      doseNumber: 1,
      administeredAt: '2026-03-03T09:15:00Z',
      supersedesId: original,
    });
    const { mail, count } = await latestMailTo(person.email);
    expect(count).toBe(2);
    expect(mail.data.replacesEarlier).toBe(true);
    const after = (await open(acme, await tokenOf(acme, mail))).record;
    expect(after.certificateId).not.toBe(before.certificateId);
    expect(after.doses[0]?.date).toBe('2026-03-03');

    const response = await acme.request('/api/certificates/revocations');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect((await acme.request('/.well-known/jwks.json')).headers.get('access-control-allow-origin')).toBe('*');
    const list = (await response.json()) as CertificateRevocationList;
    expect(list.issuer).toBe(acme.config.publicUrl);
    const revoked = list.revoked.map((entry) => entry.certificateId);
    expect(revoked).toContain(before.certificateId);
    // The SMART Health Card of the revoked certificate is listed by its own revocation id.
    const beforeCard = await verifyHealthCardJws((before as IssuedCertificateRecord).shcJws, { keys: await jwksOf(acme) });
    expect(list.revoked.find((entry) => entry.certificateId === before.certificateId)?.shcRevocationId).toBe(beforeCard.payload.vc.rid);
    expect(revoked).not.toContain(after.certificateId);
    // The same, as SMART Health Cards verifiers look for it: the key's crlVersion and /.well-known/crl/<kid>.json.
    const [key] = ((await (await acme.request('/.well-known/jwks.json')).json()) as { keys: { kid: string; crlVersion: number }[] }).keys;
    const crl = await acme.request(`/.well-known/crl/${key?.kid}.json`);
    expect(crl.headers.get('access-control-allow-origin')).toBe('*');
    const shcList = (await crl.json()) as { kid: string; method: string; ctr: number; rids: string[] };
    expect(shcList).toMatchObject({ kid: key?.kid, method: 'rid', ctr: key?.crlVersion });
    expect(shcList.ctr).toBe(list.revoked.length + 1);
    expect(shcList.rids).toContain(beforeCard.payload.vc.rid);
    expect((await acme.request('/.well-known/crl/someone-else.json')).status).toBe(404);
    expect(await certificateRowsOf(acme, corrected)).toEqual([{ certificate_id: after.certificateId, revoked_at: null }]);

    // A superseded dose cannot be certified any more.
    const refused = await acme.request(`/api/vaccinations/${original}/certificates`, { method: 'POST', token: doctor });
    expect(refused.status).toBe(409);
  });

  it('revokes and re-issues every certificate of a person whose name is corrected', async () => {
    const person = await createHolder(acme, doctor);
    await documentVaccination(acme, catalogue, { personId: person.id, doseNumber: 1, administeredAt: '2026-01-05T10:00:00Z' });
    await documentVaccination(acme, catalogue, { personId: person.id, doseNumber: 2, administeredAt: '2026-02-05T10:00:00Z' });
    const oldMails = (await certificateMails(acme)).filter((mail) => mail.to.email === person.email);
    const oldTokens = await Promise.all(oldMails.map((mail) => tokenOf(acme, mail)));
    const oldIds = await Promise.all(oldTokens.map(async (token) => (await open(acme, token)).record.certificateId));

    // The person service announces the correction itself, in the transaction of the change.
    const patched = await acme.request(`/api/people/${person.id}`, {
      method: 'PATCH',
      token: doctor,
      body: { familyName: 'Großmann', version: person.version, reason: 'Name misspelt at sign-up' },
    });
    expect(patched.status).toBe(200);

    const mails = (await certificateMails(acme)).filter((mail) => mail.to.email === person.email);
    expect(mails).toHaveLength(4);
    const renamed = { ...HOLDER, familyName: 'Großmann' };
    const reissued = await Promise.all(mails.slice(2).map(async (mail) => open(acme, await tokenOf(acme, mail), { personalData: renamed })));
    expect(reissued.map((opened) => opened.record.person.familyName)).toEqual(['Großmann', 'Großmann']);
    const revoked = ((await (await acme.request('/api/certificates/revocations')).json()) as CertificateRevocationList).revoked.map((entry) => entry.certificateId);
    expect(revoked).toEqual(expect.arrayContaining(oldIds));
  });

  it('follows the real documentation and correction endpoints of the vaccination day', async () => {
    const assistant = await staffToken(acme, ['assistant']);
    const day: VaccinationDay = await createDay(acme, doctor, {
      siteId: catalogue.site.id,
      date: inDays(1),
      capacity: { first: 2, followUp: 0, booster: 0 },
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }],
    });
    await startDaySoon(acme, day.id);
    const holder = bookingPerson({ givenName: HOLDER.givenName, familyName: HOLDER.familyName, birthDate: HOLDER.birthDate });
    const booked = await book(acme, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: day.slots[0]!.id, person: holder });
    expect(booked.status).toBe(201);
    const visit = await checkInAndAnswer(acme, assistant, day.id, booked.body.bookingCode);
    const documented = await send<Vaccination>(acme, 'POST', `/api/visits/${visit.id}/vaccination`, doctor, {
      lotId: catalogue.jcovdenLot.id,
      injectionSite: 'left_deltoid',
      route: 'intramuscular',
      version: visit.version,
    });
    expect(documented.status).toBe(201);
    const first = await latestMailTo(holder.email);
    expect(first.count).toBe(1);
    const issued = (await open(acme, await tokenOf(acme, first.mail))).record;
    expect(issued.doses).toMatchObject([{ vaccine: 'jcovden', doseNumber: 1, seriesDoses: 1 }]);

    const corrected = await send<Vaccination>(acme, 'POST', `/api/vaccinations/${documented.body.id}/corrections`, doctor, {
      lotId: catalogue.jcovdenLot.id,
      reason: 'Wrong lot on the form',
    });
    expect(corrected.status).toBe(201);
    const second = await latestMailTo(holder.email);
    expect(second.count).toBe(2);
    expect(second.mail.data.replacesEarlier).toBe(true);
    const reissued = (await open(acme, await tokenOf(acme, second.mail))).record;
    const revoked = ((await (await acme.request('/api/certificates/revocations')).json()) as CertificateRevocationList).revoked.map((entry) => entry.certificateId);
    expect(revoked).toContain(issued.certificateId);
    expect(revoked).not.toContain(reissued.certificateId);
    expect(await certificateRowsOf(acme, corrected.body.id)).toEqual([{ certificate_id: reissued.certificateId, revoked_at: null }]);
  });

  it('answers an unknown short reference 404 and a malformed one 400 with the field, never 500', async () => {
    const unknown = await acme.request('/api/certificates/links', { body: { reference: 'A'.repeat(22) } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('certificate.link_not_found');
    const malformed = await acme.request('/api/certificates/links', { body: { reference: 'not a reference' } });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(await malformed.json())).toContain('reference');
  });

  it('logs no name, birth date, token or certificate id, and stores no personal data with the certificates', async () => {
    const mails = await certificateMails(acme);
    expect(mails.length).toBeGreaterThan(5);
    const tokens = await Promise.all(mails.map((mail) => tokenOf(acme, mail)));
    const certificateIds = (await Promise.all(tokens.slice(0, 3).map((token) => open(acme, token)))).map((opened) => opened.record.certificateId);
    const log = acme.logs.join('');
    expect(log).toContain('"msg":"request"');
    for (const value of [HOLDER.familyName, HOLDER.givenName, HOLDER.birthDate, 'Großmann', ...tokens.map((token) => token.slice(0, 40)), ...certificateIds]) {
      expect(log, 'a personal value, token or certificate id is in the log').not.toContain(value);
    }
    // The short links hold no personal data either: a hash of the reference and the sealed token.
    const rows = JSON.stringify([await tenantSql(acme, 'SELECT * FROM certificate'), await tenantSql(acme, 'SELECT * FROM certificate_link')]);
    for (const value of [HOLDER.familyName, HOLDER.givenName, HOLDER.birthDate, 'Großmann', ...mails.map((mail) => mail.to.email)]) {
      expect(rows, 'a personal value is in the certificate table').not.toContain(value);
    }
  });
});
