import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AllocationRepository, RegistrationNoLongerQueued } from '../../src/modules/allocation/allocation.repository';
import { AllocationWorker } from '../../src/modules/allocation/allocation.worker';
import { BookingService } from '../../src/modules/booking/booking.service';
import { createCatalogue, createDay, inDays, person, type Catalogue } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { eventually, register, release, rowsOf } from '../support/waiting-list-fixture';

interface RegistrationRow {
  tracking_code: string;
  status: string;
  queue_reason: string | null;
  booking_id: string | null;
}

describe('the allocator', () => {
  let api: RunningApi;
  let doctor: string;
  let catalogue: Catalogue;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'alloc'), {
      CAPTCHA_MAX_NUMBER: '200',
      ALLOCATOR: 'on',
      ALLOCATOR_RATE_PER_MINUTE: '60',
      ALLOCATOR_RETRY_LIMIT: '1',
      ALLOCATOR_RETRY_DELAY_SECONDS: '0',
    });
    doctor = await staffToken(api, ['doctor']);
    catalogue = await createCatalogue(api, doctor);
  });
  afterAll(() => api?.close());

  const registrations = (codes: string[]) =>
    rowsOf<RegistrationRow>(api.tenant.databaseUrl, 'SELECT tracking_code, status, queue_reason, booking_id FROM registration WHERE tracking_code = ANY($1)', [codes]);

  it('books released groups in order of group then arrival, first dose and follow-up, and queues the booking mail', async () => {
    // Three first doses at 08:00, 08:15, 08:30 and their follow-ups three weeks later.
    const first = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(3),
      opensAt: '08:00',
      closesAt: '08:45',
      lots: [{ lotId: catalogue.comirnatyLot.id, doses: 10 }],
      capacity: { first: 1, followUp: 0, booster: 0 },
    });
    await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(24),
      lots: [{ lotId: catalogue.comirnatyLot.id, doses: 10 }],
      capacity: { first: 0, followUp: 2, booster: 0 },
    });
    const wish = { productId: catalogue.comirnaty.id };
    const everyoneEarly = await register(api, { ...wish, person: person() });
    const medicalA = await register(api, { ...wish, person: person(), occupations: ['medical-staff'] });
    const shiftWorker = await register(api, { ...wish, person: person(), occupations: ['shift-work'] });
    const medicalB = await register(api, { ...wish, person: person(), occupations: ['medical-staff'] });
    const notReleased = await register(api, { ...wish, person: person(), preferredSiteIds: [catalogue.otherSite.id], occupations: ['medical-staff'] });
    await release(api, doctor, 1, catalogue.site.id);
    await release(api, doctor, 3);
    await api.app.get(AllocationWorker).runUntilIdle();

    const rows = await registrations([everyoneEarly, medicalA, shiftWorker, medicalB, notReleased]);
    const byCode = new Map(rows.map((row) => [row.tracking_code, row]));
    expect(byCode.get(medicalA)?.status).toBe('booked');
    expect(byCode.get(medicalB)?.status).toBe('booked');
    expect(byCode.get(shiftWorker)?.status).toBe('booked');
    expect(byCode.get(everyoneEarly)).toMatchObject({ status: 'queued', queue_reason: 'no_slot', booking_id: null });
    // Released for every site, but the only preferred site has no day: queued with its reason.
    expect(byCode.get(notReleased)).toMatchObject({ status: 'queued', queue_reason: 'no_slot' });

    const appointments = await rowsOf<{ tracking_code: string; dose_kind: string; starts_at: Date; day_id: string }>(
      api.tenant.databaseUrl,
      `SELECT r.tracking_code, a.dose_kind, s.starts_at, s.day_id FROM registration r
         JOIN appointment a ON a.booking_id = r.booking_id JOIN slot s ON s.id = a.slot_id
        WHERE r.booking_id IS NOT NULL ORDER BY s.starts_at`,
    );
    const firsts = appointments.filter((a) => a.dose_kind === 'first');
    expect(firsts.map((a) => a.tracking_code)).toEqual([medicalA, medicalB, shiftWorker]);
    expect(firsts.every((a) => a.day_id === first.id)).toBe(true);
    expect(appointments.filter((a) => a.dose_kind === 'followUp')).toHaveLength(3);
    const mails = await rowsOf(api.tenant.databaseUrl, "SELECT id FROM outbox_message WHERE kind = 'mail:booking-confirmation'");
    expect(mails).toHaveLength(3);
  });

  it('lets a person withdraw: nobody is booked for them, not even by a job already running', async () => {
    const day = await createDay(api, doctor, {
      siteId: catalogue.otherSite.id,
      date: inDays(5),
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 4 }],
      capacity: { first: 2, followUp: 0, booster: 0 },
    });
    const someone = person();
    const code = await register(api, { productId: catalogue.jcovden.id, person: someone, occupations: ['medical-staff'] });
    const wrong = await api.request('/api/registrations/withdraw', { body: { trackingCode: code, birthDate: '1970-01-01' } });
    expect(wrong.status).toBe(404);
    const [row] = await rowsOf<{ id: string }>(api.tenant.databaseUrl, 'SELECT id FROM registration WHERE tracking_code = $1', [code]);

    // A job that had read the registration as queued books only if it still is when the booking commits.
    const withdrawn = await api.request('/api/registrations/withdraw', { body: { trackingCode: code, birthDate: someone.birthDate } });
    expect(withdrawn.status).toBe(200);
    const repository = api.app.get(AllocationRepository);
    const late = api.app
      .get(BookingService)
      .bookForWaitingList(
        { productId: catalogue.jcovden.id, doseKind: 'first', slotId: day.slots[0]?.id as string, person: someone, locale: 'en' },
        `waiting-list-${row?.id}`,
        (client, bookingId) => repository.markBooked(client, row?.id as string, bookingId),
      );
    await expect(late).rejects.toBeInstanceOf(RegistrationNoLongerQueued);
    expect(await rowsOf(api.tenant.databaseUrl, 'SELECT id FROM booking WHERE idempotency_key = $1', [`waiting-list-${row?.id}`])).toEqual([]);
    const [slot] = await rowsOf<{ booked_first: number }>(api.tenant.databaseUrl, 'SELECT booked_first FROM slot WHERE id = $1', [day.slots[0]?.id]);
    expect(slot?.booked_first).toBe(0);

    await release(api, doctor, 3);
    await api.app.get(AllocationWorker).runUntilIdle();
    const status = (await (await api.request('/api/registrations/status', { body: { trackingCode: code, birthDate: someone.birthDate } })).json()) as { status: string };
    expect(status.status).toBe('withdrawn');
  });

  it('moves a job that keeps failing to the dead letters, and a replay books the person', async () => {
    await createDay(api, doctor, { siteId: catalogue.otherSite.id, date: inDays(4), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }] });
    const code = await register(api, { productId: catalogue.jcovden.id, preferredSiteIds: [catalogue.otherSite.id], person: person() });
    // A ciphertext no key opens: every attempt fails the same way.
    const [saved] = await rowsOf<{ birth_date_encrypted: string }>(api.tenant.databaseUrl, 'SELECT birth_date_encrypted FROM registration WHERE tracking_code = $1', [
      code,
    ]);
    await rowsOf(api.tenant.databaseUrl, "UPDATE registration SET birth_date_encrypted = 'v1:broken' WHERE tracking_code = $1", [code]);
    // A retry waits out its backoff (pg-boss rounds even a zero delay up to about a second).
    await eventually(async () => {
      await api.app.get(AllocationWorker).runUntilIdle();
      return (await rowsOf(api.tenant.databaseUrl, "SELECT id FROM pgboss.job WHERE name = 'waiting-list-allocation-dead'")).length > 0;
    }, 200);

    const deadLetters = (await (await api.request('/api/waiting-list/dead-letters', { token: doctor })).json()) as {
      id: string;
      registrationId: string;
      reason: string;
    }[];
    expect(deadLetters).toHaveLength(1);
    const [dead] = deadLetters;
    expect(JSON.stringify(dead)).not.toContain('broken');
    expect((await registrations([code]))[0]?.status).toBe('queued');

    await rowsOf(api.tenant.databaseUrl, 'UPDATE registration SET birth_date_encrypted = $2 WHERE tracking_code = $1', [code, saved?.birth_date_encrypted]);
    const replay = await api.request(`/api/waiting-list/dead-letters/${dead?.id}/replay`, { method: 'POST', token: doctor });
    expect(replay.status).toBe(204);
    expect((await api.request(`/api/waiting-list/dead-letters/${dead?.id}/replay`, { method: 'POST', token: doctor })).status).toBe(404);
    await api.app.get(AllocationWorker).runUntilIdle();
    expect((await registrations([code]))[0]?.status).toBe('booked');
    expect(await (await api.request('/api/waiting-list/dead-letters', { token: doctor })).json()).toEqual([]);
    // Two attempts, each waiting out pg-boss's retry clock: a loaded machine needs more than the default 30 s.
  }, 60_000);

  it('books a group released for one site only at that site', async () => {
    // An earlier day at the other site: without the per-site release the allocator would take it.
    await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(2), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }] });
    await release(api, doctor, 0);
    await release(api, doctor, 0, catalogue.site.id);
    await release(api, doctor, 1, catalogue.otherSite.id);
    const nurse = await register(api, { productId: catalogue.jcovden.id, person: person(), occupations: ['medical-staff'] });
    const clerk = await register(api, { productId: catalogue.jcovden.id, person: person() });
    await api.app.get(AllocationWorker).runUntilIdle();

    const sites = await rowsOf<{ tracking_code: string; site_id: string }>(
      api.tenant.databaseUrl,
      `SELECT r.tracking_code, d.site_id FROM registration r JOIN appointment a ON a.booking_id = r.booking_id
         JOIN slot s ON s.id = a.slot_id JOIN vaccination_day d ON d.id = s.day_id WHERE r.tracking_code = ANY($1)`,
      [[nurse, clerk]],
    );
    expect(sites).toEqual([{ tracking_code: nurse, site_id: catalogue.otherSite.id }]);
    expect((await registrations([clerk]))[0]).toMatchObject({ status: 'queued', booking_id: null });
  });

  it('shows staff the queue with groups and reasons, and no personal data', async () => {
    const response = await api.request('/api/waiting-list/queue?status=queued', { token: doctor });
    expect(response.status).toBe(200);
    const queue = (await response.json()) as { total: number; items: { reason: string | null; rank: number | null }[] };
    expect(queue.items.map((item) => item.reason)).toContain('no_slot');
    expect(JSON.stringify(queue)).not.toMatch(/Erika|Mustermann|@acme/);
    expect((await api.request('/api/waiting-list/queue?status=nope', { token: doctor })).status).toBe(400);
  });
});
