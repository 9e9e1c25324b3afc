import type { DayAppointment, ProblemDetails, PublicCatalogue } from '@vaccinate/api-contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ReminderJob } from '../../src/modules/booking/reminder.job';
import { book, createCatalogue, createDay, inDays, person, type Catalogue } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

describe('reminders, the day list and tenant booking settings', () => {
  let api: RunningApi;
  let doctor: string;
  let assistant: string;
  let catalogue: Catalogue;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'extras'), {
      CAPTCHA_MAX_NUMBER: '200',
      EMPLOYEE_NUMBER: 'required',
      TIME_ZONE: 'Europe/Berlin',
    });
    doctor = await staffToken(api, ['doctor']);
    assistant = await staffToken(api, ['assistant']);
    catalogue = await createCatalogue(api, doctor);
  });
  afterAll(() => api?.close());

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const client = new pg.Client({ connectionString: api.tenant.databaseUrl });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>(sql, params)).rows[0]?.n);
    } finally {
      await client.end();
    }
  }

  it('asks for the employee number when the company requires it, and says so in the catalogue', async () => {
    const publicCatalogue = (await (await api.request('/api/catalogue')).json()) as PublicCatalogue;
    expect(publicCatalogue).toMatchObject({ requireEmployeeNumber: true, timeZone: 'Europe/Berlin' });
    const day = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(4), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }] });
    const refused = await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: day.slots[0]?.id ?? '', person: person() });
    expect(refused.status).toBe(400);
    expect((refused.body as unknown as ProblemDetails).errors).toEqual([{ field: 'person.employeeNumber', message: 'is required by your company' }]);
    const accepted = await book(api, {
      productId: catalogue.jcovden.id,
      doseKind: 'first',
      slotId: day.slots[0]?.id ?? '',
      person: person({ employeeNumber: 'ACME-4711' }),
    });
    expect(accepted.status).toBe(201);
  });

  it("lists a day's appointments with names for staff, auditing each person shown", async () => {
    const day = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(5), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }] });
    const someone = person({ givenName: 'Hildegard', familyName: 'Knef', employeeNumber: 'ACME-1' });
    const booked = await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: day.slots[1]?.id ?? '', person: someone });
    const before = await count("SELECT count(*) AS n FROM audit_event WHERE action = 'person.list'");
    const response = await api.request(`/api/vaccination-days/${day.id}/appointments`, { token: assistant });
    expect(response.status).toBe(200);
    const appointments = (await response.json()) as DayAppointment[];
    expect(appointments).toEqual([
      expect.objectContaining({
        bookingCode: booked.body.bookingCode,
        startsAt: day.slots[1]?.startsAt,
        doseNumber: 1,
        productName: 'Jcovden',
        status: 'booked',
        person: { givenName: 'Hildegard', familyName: 'Knef', birthDate: someone.birthDate },
      }),
    ]);
    expect((await count("SELECT count(*) AS n FROM audit_event WHERE action = 'person.list'")) - before).toBe(1);
  });

  it('queues one reminder the day before, never twice, and none for cancelled bookings', async () => {
    const tomorrow = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(1), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }] });
    const kept = await book(api, {
      productId: catalogue.jcovden.id,
      doseKind: 'first',
      slotId: tomorrow.slots[0]?.id ?? '',
      person: person({ employeeNumber: 'ACME-2' }),
    });
    const cancelled = await book(api, {
      productId: catalogue.jcovden.id,
      doseKind: 'first',
      slotId: tomorrow.slots[1]?.id ?? '',
      person: person({ employeeNumber: 'ACME-3' }),
    });
    await api.request('/api/bookings/current/cancel', { method: 'POST', headers: { 'x-manage-token': cancelled.body.manageToken } });
    const job = api.app.get(ReminderJob);
    // Run as at noon today in the center's zone, so "tomorrow" is the day created above.
    const noonToday = new Date(`${inDays(0)}T11:00:00Z`);
    expect(kept.status).toBe(201);
    expect(await job.runOnce(noonToday)).toBe(1);
    expect(await job.runOnce(noonToday)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM outbox_message WHERE kind = 'mail:appointment-reminder'")).toBe(1);
  });
});
