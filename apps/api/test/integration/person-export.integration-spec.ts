import type { PersonExport } from '@vaccinate/api-contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { book, createCatalogue, createDay, inDays } from '../support/booking-fixture';
import { documentVaccination } from '../support/certificate-fixture';
import { checkInAndAnswer, startDaySoon, tenantSql } from '../support/day-run-fixture';
import { joinStandby } from '../support/standby-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { register } from '../support/waiting-list-fixture';

const subject = { givenName: 'Hildtrud', familyName: 'Zwiebelmann', email: 'hildtrud.z@acme.example', birthDate: '1959-12-01' };

describe('export of everything about a person', () => {
  let api: RunningApi;
  let doctor: string;
  let assistant: string;
  let personId: string;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'export'), { CAPTCHA_MAX_NUMBER: '200' });
    doctor = await staffToken(api, ['doctor']);
    assistant = await staffToken(api, ['assistant']);
    const catalogue = await createCatalogue(api, doctor);
    const day = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(3), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 20 }] });
    await startDaySoon(api, day.id);
    const booking = await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: day.slots[0]?.id ?? '', person: subject });
    expect(booking.status).toBe(201);
    expect((await joinStandby(api, { manageToken: booking.body.manageToken })).status).toBe(201);
    const trackingCode = await register(api, { person: subject, occupations: ['medical-staff'] });
    expect((await joinStandby(api, { trackingCode, birthDate: subject.birthDate })).status).toBe(201);
    await checkInAndAnswer(api, assistant, day.id, booking.body.bookingCode);
    const [row] = await tenantSql<{ person_id: string }>(api, 'SELECT person_id FROM booking WHERE code = $1', [booking.body.bookingCode]);
    personId = row!.person_id;
    await api.request(`/api/people/${personId}`, { method: 'PATCH', token: doctor, body: { phone: '+49 171 5550444', version: 1, reason: 'Phone given at the desk' } });
    await documentVaccination(api, catalogue, { personId, doseNumber: 1, administeredAt: '2026-03-02T09:15:00Z', product: 'jcovden' });
  });
  afterAll(() => api?.close());

  it('holds every kind of record, decrypted, and who read or changed the record', async () => {
    expect((await api.request(`/api/people/${personId}/export`, { token: assistant })).status).toBe(403);
    const response = await api.request(`/api/people/${personId}/export`, { token: doctor });
    expect(response.status).toBe(200);
    const data = (await response.json()) as PersonExport;
    expect(data.profile).toMatchObject({ ...subject, phone: '+491715550444' }); // as stored: in E.164
    expect(data.revisions).toEqual([expect.objectContaining({ reason: 'Phone given at the desk', familyName: subject.familyName })]);
    expect(data.bookings).toEqual([expect.objectContaining({ status: 'active', appointments: [expect.objectContaining({ doseKind: 'first' })] })]);
    expect(data.registrations).toEqual([expect.objectContaining({ email: subject.email, occupations: ['medical-staff'] })]);
    expect(data.standby.map((member) => member.source).sort()).toEqual(['booking', 'registration']);
    expect(data.visits).toEqual([expect.objectContaining({ answers: expect.objectContaining({ answers: expect.objectContaining({ allergies: 'no' }) }) })]);
    expect(data.vaccinations).toEqual([expect.objectContaining({ doseNumber: 1, administeredAt: '2026-03-02T09:15:00.000Z' })]);
    expect(data.certificates).toHaveLength(1);
    expect(data.mails.map((mail) => mail.kind)).toEqual(expect.arrayContaining(['mail:certificate-issued']));
    expect(data.mails.length).toBeGreaterThanOrEqual(3);
    const actions = data.accessLog.map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['person.check_in', 'person.answer', 'person.correct']));
    for (const event of data.accessLog) expect(event.clientNetwork).not.toMatch(/^\d+\.\d+\.\d+\.[1-9]\d*$/);

    const audited = await tenantSql(api, "SELECT 1 FROM audit_event WHERE action = 'person.export' AND subject_id = $1", [personId]);
    expect(audited).toHaveLength(1);
  });

  it('renders the same as a page, every value escaped', async () => {
    const response = await api.request(`/api/people/${personId}/export.html`, { token: doctor });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toMatch(/^<!doctype html>\n<html lang="(de|en)">/);
    for (const value of [subject.familyName, subject.email, 'Phone given at the desk', 'mail:certificate-issued', 'person.export']) expect(page).toContain(value);
    expect(page).not.toContain('<script');
  });

  it('finds no one for an unknown id', async () => {
    expect((await api.request('/api/people/00000000-0000-4000-8000-000000000000/export', { token: doctor })).status).toBe(404);
  });
});
