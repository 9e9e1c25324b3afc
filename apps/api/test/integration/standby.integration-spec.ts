import type { ProblemDetails } from '@vaccinate/api-contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { book, createCatalogue, createDay, inDays, person, type Catalogue } from '../support/booking-fixture';
import { outboxFields } from '../../src/database/encrypted-fields';
import { localTime, joinStandby, newSite, offerTokens } from '../support/standby-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { register, rowsOf } from '../support/waiting-list-fixture';

/** A minute the announcement below (until 30 minutes from now) does not reach, whatever the time of day. */
function windowAfterTheAnnouncement(): { from: string; to: string } {
  const [from, to] = [localTime(45), localTime(46)];
  return from < to ? { from, to } : { from: localTime(-46), to: localTime(-45) };
}

describe('standby for spare doses', () => {
  let api: RunningApi;
  let assistant: string;
  let doctor: string;
  let catalogue: Catalogue;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'standby'), { CAPTCHA_MAX_NUMBER: '200' });
    doctor = await staffToken(api, ['doctor']);
    assistant = await staffToken(api, ['assistant']);
    catalogue = await createCatalogue(api, doctor);
  });
  afterAll(() => api?.close());

  /** Registers `count` people who join the standby list for `siteId` with `preferences`. */
  async function members(count: number, siteId: string, preferences: Record<string, unknown> = {}): Promise<string[]> {
    const emails: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const someone = person();
      const trackingCode = await register(api, { person: someone });
      const joined = await joinStandby(api, { trackingCode, birthDate: someone.birthDate, siteIds: [siteId], ...preferences });
      expect(joined.status).toBe(201);
      emails.push(someone.email);
    }
    return emails;
  }

  async function announce(siteId: string, doses: number, extra: Record<string, unknown> = {}): Promise<{ id: string; offered: number; taken: number }> {
    const response = await api.request('/api/standby/announcements', {
      token: assistant,
      body: { siteId, productId: catalogue.jcovden.id, doses, availableUntil: new Date(Date.now() + 3 * 3_600_000).toISOString(), ...extra },
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; offered: number; taken: number };
  }

  const confirm = (token: string) => api.request('/api/standby/offers/confirm', { body: { token } });

  it('accepts concurrent confirmations until the doses are taken and never beyond; the late get a kind "already taken"', async () => {
    const site = await newSite(api, doctor, 'Standby cap');
    await members(12, site.id);
    const announced = await announce(site.id, 3, { overbookingFactor: 10 });
    expect(announced.offered).toBe(12);
    const tokens = await offerTokens(api, site.name);
    expect(tokens).toHaveLength(12);

    const answers = await Promise.all(tokens.map(({ token }) => confirm(token)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(9);
    const late = answers.find((answer) => answer.status === 409);
    expect(((await late?.json()) as ProblemDetails).code).toBe('standby.already_taken');
    const [row] = await rowsOf<{ taken: number; status: string }>(api.tenant.databaseUrl, 'SELECT taken, status FROM standby_announcement WHERE id = $1', [announced.id]);
    expect(row?.taken).toBe(3);
    const taken = await rowsOf(api.tenant.databaseUrl, "SELECT id FROM standby_offer WHERE announcement_id = $1 AND status = 'taken'", [announced.id]);
    expect(taken).toHaveLength(3);
    // The site's staff see who is coming; reading their names is audited.
    const confirmed = await api.request(`/api/standby/announcements/${announced.id}/confirmed`, { token: assistant });
    const coming = (await confirmed.json()) as { memberId: string; givenName: string }[];
    expect(coming).toHaveLength(3);
    expect(coming.every((member) => member.givenName === 'Erika')).toBe(true);
    const audits = await rowsOf<{ subject_id: string }>(api.tenant.databaseUrl, "SELECT subject_id FROM audit_event WHERE action = 'standby_member.list'");
    expect(audits.map((audit) => audit.subject_id).sort()).toEqual(coming.map((member) => member.memberId).sort());
    // Clicking the link again changes nothing for a winner.
    const winner = tokens[statuses.indexOf(200)];
    expect((await confirm(winner?.token ?? '')).status).toBe(200);
  });

  it('refuses an expired offer and offers the dose to the next member in the next wave', async () => {
    const site = await newSite(api, doctor, 'Standby expiry');
    await members(2, site.id);
    const announced = await announce(site.id, 1, { overbookingFactor: 1 });
    expect(announced.offered).toBe(1);
    const [first] = await offerTokens(api, site.name);
    await rowsOf(api.tenant.databaseUrl, "UPDATE standby_offer SET expires_at = now() - interval '1 second' WHERE announcement_id = $1", [announced.id]);
    const expired = await confirm(first?.token ?? '');
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as ProblemDetails).code).toBe('standby.offer_expired');

    const wave = await api.request(`/api/standby/announcements/${announced.id}/waves`, { method: 'POST', token: assistant });
    expect(((await wave.json()) as { offered: number }).offered).toBe(2);
    const second = (await offerTokens(api, site.name))[1];
    expect(second?.email).not.toBe(first?.email);
    expect((await confirm(second?.token ?? '')).status).toBe(200);
  });

  it('offers nobody more than three times a day', async () => {
    const site = await newSite(api, doctor, 'Standby throttle');
    await members(1, site.id);
    for (let i = 0; i < 3; i += 1) expect((await announce(site.id, 1)).offered).toBe(1);
    expect((await announce(site.id, 1)).offered).toBe(0);
  });

  it('sends nothing in quiet hours or outside the times someone can come', async () => {
    const site = await newSite(api, doctor, 'Standby quiet');
    const [sleeping] = await members(1, site.id, { quietFrom: localTime(-60), quietTo: localTime(60) });
    const [busy] = await members(1, site.id, { timeWindows: [windowAfterTheAnnouncement()] });
    const [awake] = await members(1, site.id, { quietFrom: localTime(60), quietTo: localTime(120) });
    const announced = await announce(site.id, 3, { availableUntil: new Date(Date.now() + 30 * 60_000).toISOString() });
    const offered = (await offerTokens(api, site.name)).map((offer) => offer.email);
    expect(offered).toEqual([awake]);
    expect(offered).not.toContain(sleeping);
    expect(offered).not.toContain(busy);
    expect(announced.offered).toBe(1);
  });

  it("proposes today's doses that nobody booked, less what was announced", async () => {
    const site = await newSite(api, doctor, 'Standby proposal');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const day = await createDay(api, doctor, {
      siteId: site.id,
      date: today,
      opensAt: '00:00',
      closesAt: '23:59',
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }],
    });
    const proposals = async () =>
      ((await (await api.request('/api/standby/proposals', { token: assistant })).json()) as { dayId: string; doses: number }[]).filter((p) => p.dayId === day.id);
    expect(await proposals()).toEqual([expect.objectContaining({ productId: catalogue.jcovden.id, siteId: site.id, doses: 10, expiresToday: false })]);
    await announce(site.id, 3);
    expect((await proposals()).map((p) => p.doses)).toEqual([7]);
  });

  /** A vaccination day at `siteId` running all of today, with ten Jcovden doses. */
  async function dayToday(siteId: string, capacity = { first: 0, followUp: 0, booster: 0 }): Promise<{ id: string }> {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    return createDay(api, doctor, { siteId, date: today, opensAt: '00:00', closesAt: '23:59', capacity, lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }] });
  }

  const proposedFor = async (dayId: string) =>
    ((await (await api.request('/api/standby/proposals', { token: assistant })).json()) as { dayId: string; doses: number }[])
      .filter((p) => p.dayId === dayId)
      .map((p) => p.doses);

  it('books a confirmed spare dose on the running day, on the board like any booking, even when no place is free', async () => {
    const site = await newSite(api, doctor, 'Standby board');
    const day = await dayToday(site.id); // no free place at all: each dose brings its own
    const emails = await members(2, site.id);
    await announce(site.id, 2, { overbookingFactor: 1 });
    const tokens = await offerTokens(api, site.name);
    for (const { token } of tokens) expect((await confirm(token)).status).toBe(200);
    expect((await confirm(tokens[0]?.token ?? '')).status).toBe(200); // a second click books nothing more

    const board = (await (await api.request(`/api/vaccination-days/${day.id}/board`, { token: assistant })).json()) as {
      entries: { state: string; walkIn: boolean; person: { givenName: string } }[];
    };
    expect(emails).toHaveLength(2);
    expect(board.entries.map((entry) => entry.person.givenName)).toEqual(['Erika', 'Erika']);
    expect(board.entries.every((entry) => entry.state === 'booked' && !entry.walkIn)).toBe(true);
    const registrations = await rowsOf<{ status: string }>(
      api.tenant.databaseUrl,
      'SELECT r.status FROM registration r JOIN standby_member m ON m.registration_id = r.id JOIN standby_offer o ON o.member_id = m.id WHERE o.status = $1 AND m.site_ids = ARRAY[$2::uuid]',
      ['taken', site.id],
    );
    expect(registrations.map((row) => row.status)).toEqual(['booked', 'booked']);
    // Taken doses count once, as the appointments they became.
    expect(await proposedFor(day.id)).toEqual([8]);
  });

  /** The booking confirmations in the outbox to `email`, read as the mailer reads them. */
  async function confirmationsTo(
    email: string,
  ): Promise<{ locale: string; data: { bookingCode: string; manageUrl: string; appointments: { startsAt: string; siteName: string }[] } }[]> {
    const rows = await rowsOf<{ payload_encrypted: string }>(
      api.tenant.databaseUrl,
      "SELECT payload_encrypted FROM outbox_message WHERE kind = 'mail:booking-confirmation'",
    );
    return rows
      .map(
        (row) =>
          JSON.parse(outboxFields.payload.decrypt(api.config.fieldKeys, row.payload_encrypted)) as Awaited<ReturnType<typeof confirmationsTo>>[number] & {
            to: { email: string };
          },
      )
      .filter((mail) => mail.to.email === email);
  }

  it("mails a confirmed spare dose the booking confirmation in the person's language; a confirmation rolled back mails nothing", async () => {
    const site = await newSite(api, doctor, 'Standby mail');
    await dayToday(site.id);
    const [winner, late] = [person(), person()];
    for (const [someone, locale] of [
      [winner, 'de'],
      [late, 'en'],
    ] as const) {
      const trackingCode = await register(api, { person: someone, locale });
      expect((await joinStandby(api, { trackingCode, birthDate: someone.birthDate, siteIds: [site.id] })).status).toBe(201);
    }
    await announce(site.id, 1, { overbookingFactor: 2 });
    const tokens = await offerTokens(api, site.name);
    const tokenOf = (email: string) => tokens.find((offer) => offer.email === email)?.token ?? '';
    expect((await confirm(tokenOf(winner.email))).status).toBe(200);
    // The late one's booking is made and then rolled back with the taking of the offer, its mail with it.
    expect((await confirm(tokenOf(late.email))).status).toBe(409);

    const [booked] = await rowsOf<{ code: string; starts_at: Date }>(
      api.tenant.databaseUrl,
      `SELECT b.code, s.starts_at FROM booking b JOIN appointment a ON a.booking_id = b.id JOIN slot s ON s.id = a.slot_id
        JOIN vaccination_day d ON d.id = s.day_id WHERE d.site_id = $1`,
      [site.id],
    );
    const mails = await confirmationsTo(winner.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.locale).toBe('de');
    expect(mails[0]?.data.bookingCode).toBe(booked?.code);
    expect(mails[0]?.data.appointments.map((appointment) => [appointment.startsAt, appointment.siteName])).toEqual([[booked?.starts_at.toISOString(), site.name]]);
    expect(mails[0]?.data.manageUrl).toMatch(/\/booking\/manage#.+/);
    expect(await confirmationsTo(late.email)).toEqual([]);
  });

  it('moves the next appointment of someone who joined from a booking to the spare dose today', async () => {
    const site = await newSite(api, doctor, 'Standby booked later');
    const day = await dayToday(site.id);
    const later = await createDay(api, doctor, { siteId: site.id, date: inDays(20), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 4 }] });
    const booked = await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: later.slots[0]?.id ?? '', person: person({ givenName: 'Bernd' }) });
    expect(booked.status).toBe(201);
    expect((await joinStandby(api, { manageToken: booked.body.manageToken, siteIds: [site.id] })).status).toBe(201);
    await announce(site.id, 1, { overbookingFactor: 1 });
    const [offer] = await offerTokens(api, site.name);
    expect((await confirm(offer?.token ?? '')).status).toBe(200);

    const board = (await (await api.request(`/api/vaccination-days/${day.id}/board`, { token: assistant })).json()) as { entries: { person: { givenName: string } }[] };
    expect(board.entries.map((entry) => entry.person.givenName)).toEqual(['Bernd']);
    const appointments = await rowsOf<{ day_id: string }>(
      api.tenant.databaseUrl,
      "SELECT s.day_id FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN booking b ON b.id = a.booking_id WHERE b.code = $1 AND a.status = 'booked'",
      [booked.body.bookingCode],
    );
    expect(appointments).toEqual([{ day_id: day.id }]); // moved, not doubled: the later place is free again
    const [freed] = await rowsOf<{ booked_first: number }>(api.tenant.databaseUrl, 'SELECT booked_first FROM slot WHERE id = $1', [later.slots[0]?.id]);
    expect(freed?.booked_first).toBe(0);
    // Bernd hears of the move as of any change to his booking: today's time in place of the later one.
    const changed = (
      await rowsOf<{ payload_encrypted: string }>(api.tenant.databaseUrl, "SELECT payload_encrypted FROM outbox_message WHERE kind = 'mail:booking-changed'")
    )
      .map(
        (row) =>
          JSON.parse(outboxFields.payload.decrypt(api.config.fieldKeys, row.payload_encrypted)) as {
            data: { bookingCode: string; appointments: { siteName: string; status: string }[] };
          },
      )
      .filter((mail) => mail.data.bookingCode === booked.body.bookingCode);
    expect(changed.map((mail) => mail.data.appointments.map((appointment) => appointment.status))).toEqual([['booked']]);
  });

  it('proposes no dose a walk-in took already', async () => {
    const site = await newSite(api, doctor, 'Standby walk-in');
    const day = await dayToday(site.id, { first: 2, followUp: 0, booster: 0 });
    expect(await proposedFor(day.id)).toEqual([10]);
    const walkIn = await api.request(`/api/vaccination-days/${day.id}/walk-ins`, {
      token: assistant,
      body: { person: person(), productId: catalogue.jcovden.id, identityChecked: true, identityDocument: 'employee_badge' },
    });
    expect(walkIn.status).toBe(201);
    expect(await proposedFor(day.id)).toEqual([9]);
  });

  it('offers no dose a walk-in took after the announcement', async () => {
    const site = await newSite(api, doctor, 'Standby walk-in wave');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const day = await createDay(api, doctor, {
      siteId: site.id,
      date: today,
      opensAt: '00:00',
      closesAt: '23:59',
      capacity: { first: 2, followUp: 0, booster: 0 },
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 4 }],
    });
    const announced = await announce(site.id, 3, { overbookingFactor: 1 });
    expect(announced.offered).toBe(0); // nobody on standby yet
    for (let i = 0; i < 2; i += 1) {
      const walkIn = await api.request(`/api/vaccination-days/${day.id}/walk-ins`, {
        token: assistant,
        body: { person: person(), productId: catalogue.jcovden.id, identityChecked: true, identityDocument: 'employee_badge' },
      });
      expect(walkIn.status).toBe(201);
    }
    await members(3, site.id);
    const wave = await api.request(`/api/standby/announcements/${announced.id}/waves`, { method: 'POST', token: assistant });
    // Four doses brought, two walk-ins: two left to offer, not the three announced.
    expect(((await wave.json()) as { offered: number }).offered).toBe(2);
  });

  it('stops offers to someone who left standby', async () => {
    const site = await newSite(api, doctor, 'Standby leave');
    const someone = person();
    const trackingCode = await register(api, { person: someone });
    expect((await joinStandby(api, { trackingCode, birthDate: someone.birthDate, siteIds: [site.id] })).status).toBe(201);
    const wrongBirth = await api.request('/api/standby/members/leave', { body: { trackingCode, birthDate: '1970-01-01' } });
    expect(wrongBirth.status).toBe(404);
    expect((await api.request('/api/standby/members/leave', { body: {} })).status).toBe(400);
    expect((await api.request('/api/standby/members/leave', { body: { trackingCode, birthDate: someone.birthDate } })).status).toBe(200);
    expect((await announce(site.id, 1)).offered).toBe(0);
  });

  it('refuses bad input with a field list, and an unknown registration', async () => {
    const bad = await joinStandby(api, { trackingCode: 'RAAA-AAAA-AA', timeWindows: [{ from: '14:00', to: '12:00' }], quietFrom: '25:00' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ProblemDetails).errors?.map((e) => e.field).sort()).toEqual(['quietFrom']);
    const unmatched = await joinStandby(api, { trackingCode: 'RAAA-AAAA-AA', birthDate: '1980-01-01', timeWindows: [{ from: '14:00', to: '12:00' }] });
    expect(unmatched.status).toBe(400);
    expect(((await unmatched.json()) as ProblemDetails).errors?.map((e) => e.field)).toEqual(['timeWindows.0.to']);
    const unknown = await joinStandby(api, { trackingCode: 'RAAA-AAAA-AA', birthDate: '1980-01-01' });
    expect(unknown.status).toBe(404);
    const past = await api.request('/api/standby/announcements', {
      token: assistant,
      body: { siteId: catalogue.site.id, productId: catalogue.jcovden.id, doses: 1, availableUntil: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(past.status).toBe(400);
    expect((await confirm('no-such-token')).status).toBe(404);
  });
});
