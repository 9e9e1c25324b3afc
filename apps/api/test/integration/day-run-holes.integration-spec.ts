import type { AuditEventPage, BoardEntry, DayBoard, DayReport, PersonHistory, Vaccination, VaccinationDay, VisitDetail } from '@vaccinate/api-contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { book, createCatalogue, createDay, inDays, person, type Catalogue } from '../support/booking-fixture';
import { ALL_NO, checkInAndAnswer, send, startDaySoon, tenantSql } from '../support/day-run-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

/** The company doctor's day: what a typed code, a flagged answer and an early check-out must do. */
describe('the day run as a company doctor meets it', () => {
  let api: RunningApi;
  let doctor: string;
  let assistant: string;
  let catalogue: Catalogue;
  let today: VaccinationDay;
  let followUpDay: VaccinationDay;
  let slotIndex = 0;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'dayholes'), { CAPTCHA_MAX_NUMBER: '200' });
    doctor = await staffToken(api, ['doctor']);
    assistant = await staffToken(api, ['assistant']);
    catalogue = await createCatalogue(api, doctor, 200);
    today = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(1),
      opensAt: '08:00',
      closesAt: '12:00',
      capacity: { first: 3, followUp: 0, booster: 0 },
      lots: [{ lotId: catalogue.comirnatyLot.id, doses: 100 }],
    });
    await startDaySoon(api, today.id);
    followUpDay = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(24),
      capacity: { first: 0, followUp: 20, booster: 0 },
      lots: [{ lotId: catalogue.comirnatyLot.id, doses: 60 }],
    });
  });
  afterAll(() => api?.close());

  async function bookToday(given = 'Ada', family = 'Lovelace'): Promise<string> {
    const result = await book(api, {
      productId: catalogue.comirnaty.id,
      doseKind: 'first',
      slotId: today.slots[slotIndex++ % today.slots.length]?.id as string,
      followUpSlotId: followUpDay.slots[slotIndex % followUpDay.slots.length]?.id,
      person: person({ givenName: given, familyName: family }),
    });
    if (result.status !== 201) throw new Error(`booking answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body.bookingCode;
  }

  const checkIn = (bookingCode: string) =>
    send<BoardEntry>(api, 'POST', `/api/vaccination-days/${today.id}/check-ins`, assistant, { bookingCode, identityChecked: true, identityDocument: 'id_card' });

  const document = (visit: VisitDetail) =>
    send<Vaccination>(api, 'POST', `/api/visits/${visit.id}/vaccination`, doctor, {
      lotId: catalogue.comirnatyLot.id,
      injectionSite: 'left_deltoid',
      route: 'intramuscular',
      version: visit.version,
    });

  it.each([
    ['without its dash', (code: string) => code.replace('-', '')],
    ['in lower case with spaces', (code: string) => ` ${code.slice(0, 4).toLowerCase()} ${code.slice(5).toLowerCase()} `],
    ['as shown', (code: string) => code],
  ])('finds a booking code typed %s', async (_form, typed) => {
    const code = await bookToday();
    const response = await checkIn(typed(code));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.bookingCode).toBe(code);
  });

  it('does not find a code that is not one of the day', async () => {
    expect((await checkIn('ZZZZ ZZZZ')).status).toBe(404);
  });

  it('refuses to document over a flagged answer until a doctor acknowledged it, and stores who and when, audited', async () => {
    const visit = await checkInAndAnswer(api, assistant, today.id, await bookToday(), { ...ALL_NO, fever_today: 'yes' });
    expect(visit.answers?.flagged).toEqual(['fever_today']);
    expect(visit.flagsAcknowledged).toBeNull();

    const refused = await document(visit);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('visit.flags_not_acknowledged');
    expect((await send<VisitDetail>(api, 'GET', `/api/visits/${visit.id}`, assistant)).body.vaccination).toBeNull();

    const byAssistant = await send(api, 'POST', `/api/visits/${visit.id}/flags-acknowledgement`, assistant, { version: visit.version });
    expect(byAssistant.status).toBe(403);

    const acknowledged = await send<VisitDetail>(api, 'POST', `/api/visits/${visit.id}/flags-acknowledgement`, doctor, { version: visit.version });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.flagsAcknowledged?.by.name).toEqual(expect.any(String));
    const [stored] = await tenantSql<{ flags_acknowledged_by: string; flags_acknowledged_at: Date }>(
      api,
      'SELECT flags_acknowledged_by, flags_acknowledged_at FROM visit WHERE id = $1',
      [visit.id],
    );
    expect(stored?.flags_acknowledged_by).toBe(acknowledged.body.flagsAcknowledged?.by.id);
    expect(stored?.flags_acknowledged_at).toBeInstanceOf(Date);
    const audit = await tenantSql<{ action: string }>(api, `SELECT action FROM audit_event WHERE subject_id = $1 AND action = 'person.acknowledge'`, [visit.person.id]);
    expect(audit).toHaveLength(1);
    const board = (await send<DayBoard>(api, 'GET', `/api/vaccination-days/${today.id}/board`, assistant)).body;
    expect(board.entries.find((entry) => entry.visitId === visit.id)).toMatchObject({ flaggedAnswers: ['fever_today'], flagsAcknowledged: true });

    expect((await document(acknowledged.body)).status).toBe(201);
  });

  it('clears the acknowledgement when the answers change, and has nothing to acknowledge without a flag', async () => {
    const visit = await checkInAndAnswer(api, assistant, today.id, await bookToday(), { ...ALL_NO, allergies: 'yes' });
    const acknowledged = (await send<VisitDetail>(api, 'POST', `/api/visits/${visit.id}/flags-acknowledgement`, doctor, { version: visit.version })).body;
    const changed = await send<VisitDetail>(api, 'PUT', `/api/visits/${visit.id}/answers`, assistant, {
      questionnaireVersion: 0,
      answers: { ...ALL_NO, allergies: 'yes', fever_today: 'yes' },
      consent: true,
      version: acknowledged.version,
    });
    expect(changed.body.flagsAcknowledged).toBeNull();
    expect((await document(changed.body)).body.code).toBe('visit.flags_not_acknowledged');

    const plain = await checkInAndAnswer(api, assistant, today.id, await bookToday());
    const nothing = await send(api, 'POST', `/api/visits/${plain.id}/flags-acknowledgement`, doctor, { version: plain.version });
    expect(nothing.status).toBe(409);
    expect(nothing.body.code).toBe('visit.nothing_flagged');
    expect((await document(plain)).status).toBe(201);
  });

  it('checks out during observation only with a reason, stored encrypted and audited as an early check-out', async () => {
    const visit = await checkInAndAnswer(api, assistant, today.id, await bookToday());
    expect((await document(visit)).status).toBe(201);
    const observed = (await send<VisitDetail>(api, 'GET', `/api/visits/${visit.id}`, assistant)).body;
    expect(new Date(observed.observationUntil as string).getTime()).toBeGreaterThan(Date.now());
    const followUp = { action: 'none' };

    const withoutReason = await send(api, 'POST', `/api/visits/${visit.id}/check-out`, assistant, { followUp, version: observed.version });
    expect(withoutReason.status).toBe(409);
    expect(withoutReason.body.code).toBe('visit.observation_running');
    const blankReason = await send(api, 'POST', `/api/visits/${visit.id}/check-out`, assistant, { followUp, earlyReason: '  ', version: observed.version });
    expect(blankReason.body.code).toBe('visit.observation_running');

    const early = await send<VisitDetail>(api, 'POST', `/api/visits/${visit.id}/check-out`, assistant, {
      followUp,
      earlyReason: 'Feels well, colleague drives home',
      version: observed.version,
    });
    expect(early.status).toBe(200);
    expect(early.body.state).toBe('done');
    const [stored] = await tenantSql<{ early_check_out_reason_encrypted: string }>(api, 'SELECT early_check_out_reason_encrypted FROM visit WHERE id = $1', [visit.id]);
    expect(stored?.early_check_out_reason_encrypted).toMatch(/^enc:/);
    expect(stored?.early_check_out_reason_encrypted).not.toContain('colleague');
    const audit = await tenantSql<{ action: string }>(api, `SELECT action FROM audit_event WHERE subject_id = $1 AND action LIKE '%check_out'`, [visit.person.id]);
    expect(audit.map((event) => event.action)).toEqual(['person.early_check_out']);
  });

  it('lists in the day report who was vaccinated with which lot by whom, for doctors and admins only, audited, also in its CSV', async () => {
    const visit = await checkInAndAnswer(api, assistant, today.id, await bookToday('Hedy', 'Lamarr'));
    const given = await document(visit);
    expect(given.status).toBe(201);
    expect(given.body.vaccinatorName).toEqual(expect.any(String));

    expect((await send(api, 'GET', `/api/vaccination-days/${today.id}/report`, assistant)).status).toBe(403);
    expect((await api.request(`/api/vaccination-days/${today.id}/report.csv`, { token: assistant })).status).toBe(403);
    const reads = async () =>
      (
        await tenantSql<{ action: string }>(api, `SELECT action FROM audit_event WHERE subject_id = $1 AND action IN ('person.list', 'person.export')`, [visit.person.id])
      ).map((event) => event.action);
    expect(await reads()).toEqual([]);

    const admin = await staffToken(api, ['admin']);
    for (const token of [doctor, admin]) {
      const report = await send<DayReport>(api, 'GET', `/api/vaccination-days/${today.id}/report`, token);
      expect(report.status).toBe(200);
      expect(report.body.doses.find((dose) => dose.vaccinationId === given.body.id)).toEqual({
        vaccinationId: given.body.id,
        administeredAt: given.body.administeredAt,
        person: { id: visit.person.id, givenName: 'Hedy', familyName: 'Lamarr', birthDate: visit.person.birthDate },
        productName: catalogue.comirnaty.name,
        doseNumber: 1,
        lotNumber: catalogue.comirnatyLot.lotNumber,
        vaccinator: { id: given.body.vaccinator, name: given.body.vaccinatorName },
      });
      expect(report.body.doses.reduce((sum) => sum + 1, 0)).toBe(report.body.vaccinated.reduce((sum, row) => sum + row.count, 0));
    }
    const csv = await (await api.request(`/api/vaccination-days/${today.id}/report.csv`, { token: doctor })).text();
    expect(csv).toContain('administered_at,family_name,given_name,birth_date,product,dose,lot,vaccinator');
    expect(csv).toContain(
      `${given.body.administeredAt},Lamarr,Hedy,${visit.person.birthDate},${catalogue.comirnaty.name},1,${catalogue.comirnatyLot.lotNumber},${given.body.vaccinatorName}`,
    );
    expect(await reads()).toEqual(['person.list', 'person.list', 'person.export']);
  });

  it('names staff and people in the record and the audit log, filters the log by their names without a name in a URL, and audits those reads', async () => {
    const visit = await checkInAndAnswer(api, assistant, today.id, await bookToday('Katherine', 'Johnson'));
    expect((await document(visit)).status).toBe(201);
    const history = (await send<PersonHistory>(api, 'GET', `/api/people/${visit.person.id}/history`, doctor)).body;
    expect(history.vaccinations[0]?.vaccinatorName).toBe('Test doctor');
    expect(history.vaccinations[0]?.documentedByName).toBe('Test doctor');

    const admin = await staffToken(api, ['admin']);
    const byPerson = await send<AuditEventPage>(api, 'POST', '/api/audit-events/search', admin, { person: 'katherine JOHN', limit: 100 });
    expect(byPerson.status).toBe(200);
    expect(byPerson.body.items.length).toBeGreaterThan(0);
    expect(byPerson.body.items.every((event) => event.subjectId === visit.person.id && event.subjectName === 'Katherine Johnson')).toBe(true);
    expect(byPerson.body.items.map((event) => event.action)).toEqual(expect.arrayContaining(['person.vaccinate', 'person.check_in']));
    expect(byPerson.body.items.find((event) => event.action === 'person.vaccinate')?.actorName).toBe('Test doctor');

    const byStaff = await send<AuditEventPage>(api, 'POST', '/api/audit-events/search', admin, { staff: 'test assistant', subjectId: visit.person.id });
    expect(byStaff.body.items.map((event) => event.action)).toEqual(expect.arrayContaining(['person.answer', 'person.check_in']));
    expect(byStaff.body.items.every((event) => event.actorName === 'Test assistant')).toBe(true);
    expect((await send<AuditEventPage>(api, 'POST', '/api/audit-events/search', admin, { person: 'Nobody Atall' })).body).toEqual({ items: [], total: 0 });
    expect((await send(api, 'POST', '/api/audit-events/search', doctor, { person: 'Johnson' })).status).toBe(403);

    const listed = await tenantSql<{ actor_subject: string }>(api, `SELECT actor_subject FROM audit_event WHERE subject_id = $1 AND action = 'person.list'`, [
      visit.person.id,
    ]);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    const csv = await api.request('/api/audit-events/export.csv', { method: 'POST', token: admin, body: { person: 'Johnson', action: 'person.vaccinate' } });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('occurred_at,actor,actor_name,actor_kind,action,subject_type,subject_id,subject_name,request_id,client_ip');
    expect(lines[1]).toContain(`,Test doctor,staff,person.vaccinate,person,${visit.person.id},Katherine Johnson,`);

    const current = (await send<{ version: number }>(api, 'GET', `/api/people/${visit.person.id}`, doctor)).body;
    expect((await send(api, 'PATCH', `/api/people/${visit.person.id}`, doctor, { familyName: 'Goble', version: current.version, reason: 'Married' })).status).toBe(200);
    const revised = (await send<PersonHistory>(api, 'GET', `/api/people/${visit.person.id}/history`, doctor)).body;
    expect(revised.revisions[0]).toMatchObject({ familyName: 'Johnson', changedByName: 'Test doctor' });
  });

  /** Reads a server-sent event stream until `wanted` has come; the test's own timeout ends a stream that never brings it. */
  function eventReader(response: Response) {
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    return async (wanted: string): Promise<string> => {
      while (!text.includes(wanted)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${wanted}: ${text}`);
        text += decoder.decode(value, { stream: true });
      }
      const [, after = ''] = text.split(wanted, 2);
      const received = text;
      text = after;
      return received;
    };
  }

  it("streams the board's changes to staff of this tenant, also those made through another API process, and refuses other tenants' tokens", async () => {
    const code = await bookToday();
    const stream = new AbortController();
    const response = await fetch(`${api.baseUrl}/api/vaccination-days/${today.id}/board/events`, {
      headers: { authorization: `Bearer ${assistant}`, accept: 'text/event-stream' },
      signal: stream.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const readUntil = eventReader(response);
    try {
      await readUntil('event: ready');
      // A second process of the same tenant: the change reaches this stream through Postgres NOTIFY.
      const otherProcess = await startTestApi(api.tenant, { CAPTCHA_MAX_NUMBER: '200' });
      try {
        const checkedIn = await otherProcess.request(`/api/vaccination-days/${today.id}/check-ins`, {
          token: assistant,
          body: { bookingCode: code, identityChecked: true, identityDocument: 'id_card' },
        });
        expect(checkedIn.status).toBe(201);
        const received = `${await readUntil('event: board')}${await readUntil('\n\n')}`;
        expect(received).toContain(`data: {"dayId":"${today.id}"}`);
        expect(received).not.toMatch(/Ada|Lovelace/);
      } finally {
        await otherProcess.close();
      }
    } finally {
      stream.abort();
    }

    const other = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'dayholes2'));
    try {
      const foreignToken = await staffToken(other, ['admin']);
      const refused = await api.request(`/api/vaccination-days/${today.id}/board/events`, { token: foreignToken });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await other.close();
    }
    expect((await api.request(`/api/vaccination-days/${today.id}/board/events`, {})).status).toBe(401);
    expect((await api.request('/api/vaccination-days/not-a-day/board/events', { token: assistant })).status).toBe(400);
    expect((await api.request('/api/vaccination-days/7d4c3c1e-3f5b-4c6a-9f00-8c1f2d3e4a5b/board/events', { token: assistant })).status).toBe(404);
  });

  it('ends its open board streams when the process shuts down, so the shutdown does not wait for them', async () => {
    const process = await startTestApi(api.tenant, { CAPTCHA_MAX_NUMBER: '200' });
    const response = await fetch(`${process.baseUrl}/api/vaccination-days/${today.id}/board/events`, { headers: { authorization: `Bearer ${assistant}` } });
    const readUntil = eventReader(response);
    await readUntil('event: ready');
    await process.close();
    await expect(readUntil('never sent')).rejects.toThrow(/stream ended/);
  });

  it('checks out after observation without a reason', async () => {
    const visit = await checkInAndAnswer(api, assistant, today.id, await bookToday());
    expect((await document(visit)).status).toBe(201);
    await tenantSql(api, `UPDATE visit SET observation_until = now() - interval '1 minute' WHERE id = $1`, [visit.id]);
    const observed = (await send<VisitDetail>(api, 'GET', `/api/visits/${visit.id}`, assistant)).body;
    const done = await send<VisitDetail>(api, 'POST', `/api/visits/${visit.id}/check-out`, assistant, { followUp: { action: 'none' }, version: observed.version });
    expect(done.status).toBe(200);
  });
});
