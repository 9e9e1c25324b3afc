import type { BoardEntry, CheckOutPlan, DayBoard, DayReport, Lot, PersonHistory, Vaccination, VaccinationDay, VisitDetail } from '@vaccinate/api-contracts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { book, captchaSolution, createCatalogue, createDay, inDays, person, randomClientIp, type Catalogue } from '../support/booking-fixture';
import { ALL_NO, checkInAndAnswer, send, startDaySoon, tenantSql } from '../support/day-run-fixture';
import { NoShowJob } from '../../src/modules/visit/no-show.job';
import { postJson, provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

describe('running a vaccination day', () => {
  let api: RunningApi;
  let doctor: string;
  let assistant: string;
  let catalogue: Catalogue;
  let today: VaccinationDay;
  let followUpDay: VaccinationDay;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'dayrun'), { CAPTCHA_MAX_NUMBER: '200' });
    doctor = await staffToken(api, ['doctor']);
    assistant = await staffToken(api, ['assistant']);
    catalogue = await createCatalogue(api, doctor, 200);
    today = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(1),
      opensAt: '08:00',
      closesAt: '12:00',
      capacity: { first: 3, followUp: 2, booster: 2 },
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

  async function bookToday(slotIndex = 0, followUpSlotIndex = 0): Promise<{ code: string; email: string }> {
    const who = person();
    const slot = today.slots[slotIndex];
    const followUp = followUpDay.slots[followUpSlotIndex];
    const result = await book(api, {
      productId: catalogue.comirnaty.id,
      doseKind: 'first',
      slotId: slot?.id as string,
      followUpSlotId: followUp?.id,
      person: who,
    });
    if (result.status !== 201) throw new Error(`booking answered ${result.status}: ${JSON.stringify(result.body)}`);
    return { code: result.body.bookingCode, email: who.email };
  }

  async function lotUsage(lotId: string): Promise<{ doses_used: number; doses_wasted: number }> {
    const [lot] = await tenantSql<{ doses_used: number; doses_wasted: number }>(api, 'SELECT doses_used, doses_wasted FROM lot WHERE id = $1', [lotId]);
    return lot as { doses_used: number; doses_wasted: number };
  }

  async function document(visit: VisitDetail, body: Record<string, unknown> = {}, token = doctor) {
    return send<Vaccination>(api, 'POST', `/api/visits/${visit.id}/vaccination`, token, {
      lotId: catalogue.comirnatyLot.id,
      injectionSite: 'left_deltoid',
      route: 'intramuscular',
      version: visit.version,
      ...body,
    });
  }

  it('checks a booked person in once, by booking code, after the identity check', async () => {
    const { code } = await bookToday();
    const unchecked = await send(api, 'POST', `/api/vaccination-days/${today.id}/check-ins`, assistant, {
      bookingCode: code,
      identityChecked: false,
      identityDocument: 'id_card',
    });
    expect(unchecked.status).toBe(400);
    expect(unchecked.body.errors).toEqual([{ field: 'identityChecked', message: 'must be confirmed: check the identity document first' }]);

    const first = await send<BoardEntry>(api, 'POST', `/api/vaccination-days/${today.id}/check-ins`, assistant, {
      bookingCode: code.toLowerCase(),
      identityChecked: true,
      identityDocument: 'passport',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ bookingCode: code, state: 'checked_in', walkIn: false, answered: false });

    const again = await send(api, 'POST', `/api/vaccination-days/${today.id}/check-ins`, assistant, {
      bookingCode: code,
      identityChecked: true,
      identityDocument: 'passport',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('visit.already_checked_in');

    const unknown = await send(api, 'POST', `/api/vaccination-days/${today.id}/check-ins`, assistant, {
      bookingCode: 'NOPE-NOPE',
      identityChecked: true,
      identityDocument: 'passport',
    });
    expect(unknown.status).toBe(404);
  });

  it('opens check-in only while the day runs', async () => {
    const response = await send(api, 'POST', `/api/vaccination-days/${followUpDay.id}/check-ins`, assistant, {
      bookingCode: 'ABCD-EFGH',
      identityChecked: true,
      identityDocument: 'id_card',
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('visit.day_not_running');
  });

  it('requires every question answered and consent before the dose, and flags answers for the doctor', async () => {
    const { code } = await bookToday();
    const checkIn = await send<BoardEntry>(api, 'POST', `/api/vaccination-days/${today.id}/check-ins`, assistant, {
      bookingCode: code,
      identityChecked: true,
      identityDocument: 'id_card',
    });
    const visit = (await send<VisitDetail>(api, 'GET', `/api/visits/${checkIn.body.visitId}`, assistant)).body;
    expect(visit.questionnaire.questions.map((question) => question.key)).toContain('fever_today');

    const early = await document(visit);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('visit.consent_missing');

    const { fever_today: _missing, ...incomplete } = ALL_NO;
    const partial = await send(api, 'PUT', `/api/visits/${visit.id}/answers`, assistant, {
      questionnaireVersion: 0,
      answers: { ...incomplete, shoe_size: 'yes' },
      consent: true,
      version: visit.version,
    });
    expect(partial.status).toBe(400);
    expect(partial.body.errors).toEqual([
      { field: 'answers.fever_today', message: "must be answered 'yes' or 'no'" },
      { field: 'answers.shoe_size', message: 'is not a question of this questionnaire' },
    ]);

    const answered = await send<VisitDetail>(api, 'PUT', `/api/visits/${visit.id}/answers`, assistant, {
      questionnaireVersion: 0,
      answers: { ...ALL_NO, allergies: 'yes' },
      note: 'Penicillin, hives in 2019',
      consent: true,
      version: visit.version,
    });
    expect(answered.status).toBe(200);
    expect(answered.body.answers).toEqual({ answers: { ...ALL_NO, allergies: 'yes' }, note: 'Penicillin, hives in 2019', flagged: ['allergies'] });
    expect(answered.body.consent).toBe(true);

    const board = (await send<DayBoard>(api, 'GET', `/api/vaccination-days/${today.id}/board`, assistant)).body;
    expect(board.entries.find((entry) => entry.visitId === visit.id)?.flaggedAnswers).toEqual(['allergies']);

    const stored = await tenantSql<Record<string, unknown>>(api, 'SELECT * FROM visit WHERE id = $1', [visit.id]);
    expect(JSON.stringify(stored)).not.toContain('Penicillin');
    expect(JSON.stringify(stored)).not.toContain('allergies');
  });

  it('documents a dose: one dose out of the lot, observation 30 minutes on flagged answers, 15 otherwise', async () => {
    const flagged = await checkInAndAnswer(api, assistant, today.id, (await bookToday(1)).code, { ...ALL_NO, blood_thinners: 'yes' });
    const plain = await checkInAndAnswer(api, assistant, today.id, (await bookToday(1)).code);
    const before = await lotUsage(catalogue.comirnatyLot.id);
    const acknowledged = await send<VisitDetail>(api, 'POST', `/api/visits/${flagged.id}/flags-acknowledgement`, doctor, { version: flagged.version });
    expect(acknowledged.status).toBe(200);

    const first = await document(acknowledged.body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ doseNumber: 1, seriesDoses: 2, lotNumber: catalogue.comirnatyLot.lotNumber, status: 'valid' });
    const second = await document(plain, { administeredAt: new Date(Date.now() - 60_000).toISOString() });
    expect(second.status).toBe(201);
    expect((await lotUsage(catalogue.comirnatyLot.id)).doses_used).toBe(before.doses_used + 2);

    const observed = async (visit: VisitDetail) => {
      const detail = (await send<VisitDetail>(api, 'GET', `/api/visits/${visit.id}`, assistant)).body;
      expect(detail.state).toBe('observation');
      return (new Date(detail.observationUntil as string).getTime() - new Date(detail.vaccination?.administeredAt as string).getTime()) / 60_000;
    };
    expect(await observed(flagged)).toBe(30);
    expect(await observed(plain)).toBe(15);

    const twice = await document(plain);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('vaccination.already_documented');
  });

  it('ends the standby membership of someone who has had their dose', async () => {
    const who = person();
    const booked = await book(api, {
      productId: catalogue.comirnaty.id,
      doseKind: 'first',
      slotId: today.slots[9]?.id as string,
      followUpSlotId: followUpDay.slots[0]?.id,
      person: who,
    });
    expect(booked.status).toBe(201);
    const ip = randomClientIp();
    const joined = await api.request('/api/standby/members', {
      body: { manageToken: booked.body.manageToken, siteIds: [catalogue.site.id], captcha: await captchaSolution(api, ip) },
      headers: { 'x-forwarded-for': ip },
    });
    expect(joined.status, await joined.clone().text()).toBeLessThan(300);
    const active = async () =>
      (
        await tenantSql<{ active: boolean }>(api, 'SELECT m.active FROM standby_member m JOIN booking b ON b.id = m.booking_id WHERE b.code = $1', [
          booked.body.bookingCode,
        ])
      )[0]?.active;
    expect(await active()).toBe(true);
    const visit = await checkInAndAnswer(api, assistant, today.id, booked.body.bookingCode);
    expect((await document(visit)).status).toBe(201);
    expect(await active()).toBe(false);
  });

  it('refuses documentation by an assistant', async () => {
    const visit = await checkInAndAnswer(api, assistant, today.id, (await bookToday(2)).code);
    const response = await document(visit, {}, assistant);
    expect(response.status).toBe(403);
    expect((await lotUsage(catalogue.comirnatyLot.id)).doses_used).toBeGreaterThanOrEqual(0);
    expect((await send<VisitDetail>(api, 'GET', `/api/visits/${visit.id}`, assistant)).body.vaccination).toBeNull();
  });

  it('derives the dose number from the history and needs a reason to change it', async () => {
    const visit = await checkInAndAnswer(api, assistant, today.id, (await bookToday(2)).code);
    expect(visit.derivedDoseNumber).toBe(1);
    const unexplained = await document(visit, { doseNumber: 2 });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.errors?.[0]?.field).toBe('doseNumberReason');
    const explained = await document(visit, { doseNumber: 2, doseNumberReason: 'First dose given abroad in March' });
    expect(explained.status).toBe(201);
    expect(explained.body).toMatchObject({ doseNumber: 2, doseNumberReason: 'First dose given abroad in March' });
  });

  it('refuses an expired lot and a lot of another vaccine', async () => {
    const expired = await postJson<Lot>(
      api,
      '/api/lots',
      { productId: catalogue.comirnaty.id, lotNumber: `EX${randomUUID().slice(0, 6)}`, expiryDate: inDays(30), dosesReceived: 10 },
      doctor,
    );
    await tenantSql(api, `UPDATE lot SET expiry_date = current_date - 1 WHERE id = $1`, [expired.id]);
    const visit = await checkInAndAnswer(api, assistant, today.id, (await bookToday(3)).code);
    const refused = await document(visit, { lotId: expired.id });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('vaccination.lot_expired');
    const wrongVaccine = await document(visit, { lotId: catalogue.jcovdenLot.id });
    expect(wrongVaccine.body.code).toBe('vaccination.lot_unavailable');
    expect((await lotUsage(expired.id)).doses_used).toBe(0);
    expect(visit.usableLots.map((lot) => lot.id)).not.toContain(expired.id);
  });

  it('gives the last dose of a lot to exactly one of two doctors documenting at once', async () => {
    const last = await postJson<Lot>(
      api,
      '/api/lots',
      { productId: catalogue.comirnaty.id, lotNumber: `LS${randomUUID().slice(0, 6)}`, expiryDate: inDays(30), dosesReceived: 1 },
      doctor,
    );
    const visits = [
      await checkInAndAnswer(api, assistant, today.id, (await bookToday(4)).code),
      await checkInAndAnswer(api, assistant, today.id, (await bookToday(4)).code),
    ];
    const otherDoctor = await staffToken(api, ['doctor']);
    const results = await Promise.all([document(visits[0] as VisitDetail, { lotId: last.id }), document(visits[1] as VisitDetail, { lotId: last.id }, otherDoctor)]);
    expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
    expect(results.find((result) => result.status === 409)?.body.code).toBe('vaccination.out_of_stock');
    expect(await lotUsage(last.id)).toEqual({ doses_used: 1, doses_wasted: 0 });
  });

  it('confirms or moves the follow-up at check-out only inside the interval, and mails the change', async () => {
    const outside = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(60),
      capacity: { first: 0, followUp: 2, booster: 0 },
      lots: [{ lotId: catalogue.comirnatyLot.id, doses: 4 }],
    });
    const { code } = await bookToday(5, 1);
    const visit = await checkInAndAnswer(api, assistant, today.id, code);
    const documented = await document(visit);
    expect(documented.status).toBe(201);

    const plan = (await send<CheckOutPlan>(api, 'GET', `/api/visits/${visit.id}/check-out`, assistant)).body;
    expect(plan.nextDose?.doseNumber).toBe(2);
    expect(plan.nextDose?.reserved?.startsAt).toBe(followUpDay.slots[1]?.startsAt);

    await tenantSql(api, `UPDATE visit SET observation_until = now() - interval '1 minute' WHERE id = $1`, [visit.id]);
    const current = (await send<VisitDetail>(api, 'GET', `/api/visits/${visit.id}`, assistant)).body;
    const tooLate = await send(api, 'POST', `/api/visits/${visit.id}/check-out`, assistant, {
      followUp: { action: 'move', slotId: outside.slots[0]?.id },
      version: current.version,
    });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.code).toBe('visit.follow_up_out_of_window');

    const mailsBefore = await tenantSql<{ count: number }>(api, 'SELECT count(*)::int AS count FROM outbox_message');
    const moved = await send<VisitDetail>(api, 'POST', `/api/visits/${visit.id}/check-out`, assistant, {
      followUp: { action: 'move', slotId: followUpDay.slots[2]?.id },
      version: current.version,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.state).toBe('done');
    const mailsAfter = await tenantSql<{ count: number }>(api, 'SELECT count(*)::int AS count FROM outbox_message');
    expect(mailsAfter[0]?.count).toBe((mailsBefore[0]?.count ?? 0) + 1);
    const [last] = await tenantSql<{ kind: string }>(api, 'SELECT kind FROM outbox_message ORDER BY created_at DESC, id DESC LIMIT 1');
    expect(last?.kind).toBe('mail:visit-summary');
    const [slots] = await tenantSql<{ old: number; moved: number }>(
      api,
      'SELECT (SELECT booked_follow_up FROM slot WHERE id = $1) AS old, (SELECT booked_follow_up FROM slot WHERE id = $2) AS moved',
      [followUpDay.slots[1]?.id, followUpDay.slots[2]?.id],
    );
    expect(slots).toEqual({ old: 0, moved: 1 });
  });

  it('books a walk-in into the next free slot and checks them in, without a "show this QR code when you check in" mail', async () => {
    const who = person({ givenName: 'Walter', familyName: 'Kommtspontan' });
    const mailsBefore = await tenantSql<{ count: number }>(api, 'SELECT count(*)::int AS count FROM outbox_message');
    const entry = await send<BoardEntry>(api, 'POST', `/api/vaccination-days/${today.id}/walk-ins`, assistant, {
      person: who,
      productId: catalogue.comirnaty.id,
      identityChecked: true,
      identityDocument: 'employee_badge',
    });
    expect(entry.status).toBe(201);
    expect(entry.body).toMatchObject({ state: 'checked_in', walkIn: true, doseNumber: 1, person: { givenName: 'Walter', familyName: 'Kommtspontan' } });
    expect(new Date(entry.body.startsAt).getTime()).toBeGreaterThan(Date.now());
    const mailsAfter = await tenantSql<{ count: number }>(api, 'SELECT count(*)::int AS count FROM outbox_message');
    expect(mailsAfter[0]?.count).toBe(mailsBefore[0]?.count);
    const again = await send(api, 'POST', `/api/vaccination-days/${today.id}/walk-ins`, assistant, {
      person: who,
      productId: catalogue.comirnaty.id,
      identityChecked: true,
      identityDocument: 'employee_badge',
    });
    expect(again.body.code).toBe('visit.already_booked');
  });

  it('marks no-shows, frees their places and their later appointments, and tells them', async () => {
    const { code } = await bookToday(6, 0);
    const [appointment] = await tenantSql<{ id: string }>(
      api,
      `SELECT a.id FROM appointment a JOIN booking b ON b.id = a.booking_id WHERE b.code = $1 AND a.dose_number = 1`,
      [code],
    );
    const booked = async () =>
      (
        await tenantSql<{ first: number; follow_up: number }>(
          api,
          'SELECT (SELECT booked_first FROM slot WHERE id = $1) AS first, (SELECT booked_follow_up FROM slot WHERE id = $2) AS follow_up',
          [today.slots[6]?.id, followUpDay.slots[0]?.id],
        )
      )[0];
    const before = await booked();
    const result = await send<{ noShows: number; dosesFreed: number }>(api, 'POST', `/api/vaccination-days/${today.id}/no-shows`, assistant, {
      appointmentIds: [appointment?.id],
    });
    expect(result.body).toEqual({ noShows: 1, dosesFreed: 2 });
    expect(await booked()).toEqual({ first: (before?.first ?? 0) - 1, follow_up: (before?.follow_up ?? 0) - 1 });
    const board = (await send<DayBoard>(api, 'GET', `/api/vaccination-days/${today.id}/board`, assistant)).body;
    expect(board.entries.find((entry) => entry.bookingCode === code)?.state).toBe('no_show');
    expect(board.counters.noShows).toBeGreaterThanOrEqual(1);
    const [booking] = await tenantSql<{ status: string }>(api, 'SELECT status FROM booking WHERE code = $1', [code]);
    expect(booking?.status).toBe('cancelled');
  });

  it('closes a day an hour after its last slot: who did not come is marked, once', async () => {
    const closed = await createDay(api, doctor, {
      siteId: catalogue.otherSite.id,
      date: inDays(2),
      capacity: { first: 2, followUp: 0, booster: 0 },
      lots: [{ lotId: catalogue.comirnatyLot.id, doses: 4 }],
    });
    const absent = await book(api, {
      productId: catalogue.comirnaty.id,
      doseKind: 'first',
      slotId: closed.slots[0]?.id as string,
      followUpSlotId: followUpDay.slots[3]?.id,
      person: person(),
    });
    expect(absent.status).toBe(201);
    await startDaySoon(api, closed.id, -180); // its four slots ended two hours ago
    const job = api.app.get(NoShowJob);
    expect(await job.runOnce()).toBe(1);
    expect(await job.runOnce()).toBe(0);
    const [visit] = await tenantSql<{ state: string }>(
      api,
      `SELECT v.state FROM visit v JOIN appointment a ON a.id = v.appointment_id JOIN booking b ON b.id = a.booking_id WHERE b.code = $1`,
      [absent.body.bookingCode],
    );
    expect(visit?.state).toBe('no_show');
  });

  it('keeps every version of a corrected dose and of corrected personal data, with the reasons', async () => {
    const visit = await checkInAndAnswer(api, assistant, today.id, (await bookToday(7)).code);
    const documented = (await document(visit)).body;
    const corrected = await send<Vaccination>(api, 'POST', `/api/vaccinations/${documented.id}/corrections`, doctor, {
      injectionSite: 'right_deltoid',
      reason: 'Arm mixed up on the form',
    });
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({ injectionSite: 'right_deltoid', supersedesId: documented.id, correctionReason: 'Arm mixed up on the form', status: 'valid' });
    const stale = await send(api, 'POST', `/api/vaccinations/${documented.id}/corrections`, doctor, { route: 'subcutaneous', reason: 'Second try on the old version' });
    expect(stale.body.code).toBe('vaccination.not_current');
    const byAssistant = await send(api, 'POST', `/api/vaccinations/${corrected.body.id}/corrections`, assistant, { route: 'subcutaneous', reason: 'Not allowed' });
    expect(byAssistant.status).toBe(403);

    const personId = visit.person.id;
    const current = (await send<{ version: number }>(api, 'GET', `/api/people/${personId}`, doctor)).body;
    const withoutReason = await send(api, 'PATCH', `/api/people/${personId}`, doctor, { familyName: 'Musterfrau', version: current.version });
    expect(withoutReason.status).toBe(400);
    const renamed = await send(api, 'PATCH', `/api/people/${personId}`, doctor, {
      familyName: 'Musterfrau',
      version: current.version,
      reason: 'Name changed at marriage',
    });
    expect(renamed.status).toBe(200);

    const history = (await send<PersonHistory>(api, 'GET', `/api/people/${personId}/history`, assistant)).body;
    expect(history.revisions).toEqual([expect.objectContaining({ familyName: 'Mustermann', reason: 'Name changed at marriage', version: current.version })]);
    expect(history.vaccinations.map((vaccination) => [vaccination.injectionSite, vaccination.status])).toEqual([
      ['right_deltoid', 'valid'],
      ['left_deltoid', 'superseded'],
    ]);
    const stored = await tenantSql<Record<string, unknown>>(
      api,
      'SELECT r.*, v.correction_reason_encrypted FROM person_revision r, vaccination v WHERE r.person_id = $1 AND v.person_id = $1',
      [personId],
    );
    expect(JSON.stringify(stored)).not.toMatch(/marriage|Mustermann|mixed up/);
  });

  it('writes one audit event per read and per change of a person’s record, listed and exported for admins', async () => {
    const visit = await checkInAndAnswer(api, assistant, today.id, (await bookToday(8)).code);
    const events = async () => tenantSql<{ action: string }>(api, 'SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY id', [visit.person.id]);
    const before = (await events()).map((event) => event.action);
    expect(before).toEqual(expect.arrayContaining(['person.check_in', 'person.answer']));
    await send(api, 'GET', `/api/visits/${visit.id}`, assistant);
    await document(visit);
    const after = (await events()).map((event) => event.action);
    expect(after.slice(before.length)).toEqual(['person.read', 'person.vaccinate']);

    const admin = await staffToken(api, ['admin']);
    const listed = await send<{ items: { action: string; subjectId: string }[]; total: number }>(api, 'GET', `/api/audit-events?subjectId=${visit.person.id}`, admin);
    expect(listed.body.total).toBe(after.length);
    expect(listed.body.items[0]).toMatchObject({ action: 'person.vaccinate', subjectId: visit.person.id });
    const csv = await api.request(`/api/audit-events/export.csv?subjectId=${visit.person.id}`, { token: admin });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('occurred_at,actor,actor_name,actor_kind,action,subject_type,subject_id,subject_name,request_id,client_ip');
    // The list above showed the person's name: that read is in the log too.
    expect(lines).toHaveLength(after.length + 2);
    const badQuery = await send(api, 'GET', '/api/audit-events?from=yesterday', admin);
    expect(badQuery.status).toBe(400);
    // A day that does not exist and an offset past any integer are a user's mistake: 400 naming the field.
    const impossible = await send(api, 'GET', '/api/audit-events?from=2023-02-30&offset=99999999999999999999', admin);
    expect(impossible.status).toBe(400);
    expect(impossible.body.errors?.map((problem) => problem.field).sort()).toEqual(['from', 'offset']);
  });

  it('reports the day: vaccinated by product and dose, no-shows, walk-ins, waste and doses left, also as CSV', async () => {
    const waste = await send<{ dosesLeft: number }>(api, 'POST', `/api/lots/${catalogue.comirnatyLot.id}/waste`, assistant, {
      doses: 2,
      reason: 'opened_vial_expired',
      dayId: today.id,
    });
    expect(waste.status).toBe(201);
    const report = (await send<DayReport>(api, 'GET', `/api/vaccination-days/${today.id}/report`, doctor)).body;
    const vaccinated = await tenantSql<{ dose_number: number; count: number }>(
      api,
      `SELECT vac.dose_number, count(*)::int AS count FROM vaccination vac JOIN visit v ON v.id = vac.visit_id WHERE v.day_id = $1 AND vac.status = 'valid' GROUP BY 1 ORDER BY 1`,
      [today.id],
    );
    expect(report.vaccinated).toEqual(vaccinated.map((row) => ({ productName: catalogue.comirnaty.name, doseNumber: row.dose_number, count: row.count })));
    expect(report.noShows).toBeGreaterThanOrEqual(1);
    expect(report.walkIns).toBeGreaterThanOrEqual(1);
    expect(report.waste).toEqual([{ lotNumber: catalogue.comirnatyLot.lotNumber, doses: 2, reason: 'opened_vial_expired' }]);
    expect(report.dosesLeft[0]?.dosesLeft).toBe(waste.body.dosesLeft);
    const csv = await (await api.request(`/api/vaccination-days/${today.id}/report.csv`, { token: doctor })).text();
    expect(csv).toContain(`waste,${catalogue.comirnatyLot.lotNumber} (opened_vial_expired),,2`);
    const tooMuch = await send(api, 'POST', `/api/lots/${catalogue.comirnatyLot.id}/waste`, assistant, { doses: 1000, reason: 'damaged' });
    expect(tooMuch.body.code).toBe('vaccination.out_of_stock');
  });
});
