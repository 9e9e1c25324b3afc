import { PRIORITY_RULES_LIMITS } from '@vaccinate/priority-rules';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PriorityOrder } from '../../src/database/priority-order';
import { PriorityOrderConversion } from '../../src/modules/privacy/priority-order-conversion';
import { RetentionJob } from '../../src/modules/privacy/retention.job';
import { book, createCatalogue, createDay, inDays, person, type Catalogue } from '../support/booking-fixture';
import { documentVaccination } from '../support/certificate-fixture';
import { tenantSql } from '../support/day-run-fixture';
import { joinStandby } from '../support/standby-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { register } from '../support/waiting-list-fixture';

const OLD = '400 days';

describe('retention periods and what stays out of plain columns', () => {
  let api: RunningApi;
  let doctor: string;
  let catalogue: Catalogue;
  let slotId: string;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'retention'), {
      CAPTCHA_MAX_NUMBER: '200',
      TRUST_PROXY: 'true',
      RETENTION_UNVACCINATED_DAYS: '365',
      RETENTION_MAIL_DAYS: '90',
      RETENTION_AUDIT_DAYS: '730',
      RETENTION_SIGN_IN_DAYS: '90',
    });
    doctor = await staffToken(api, ['doctor']);
    catalogue = await createCatalogue(api, doctor);
    const day = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(3), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 20 }] });
    slotId = day.slots[0]?.id ?? '';
  });
  afterAll(() => api?.close());

  async function booking(): Promise<{ bookingId: string; personId: string; manageToken: string }> {
    const made = await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId, person: person() });
    expect(made.status).toBe(201);
    const [row] = await tenantSql<{ id: string; person_id: string }>(api, 'SELECT id, person_id FROM booking WHERE code = $1', [made.body.bookingCode]);
    return { bookingId: row!.id, personId: row!.person_id, manageToken: made.body.manageToken };
  }

  it('removes what is due and nothing else', async () => {
    // Registrations: one old and never vaccinated (due), one recent (kept), one old that led to a vaccination (kept).
    const oldCode = await register(api, { person: person() });
    const recentCode = await register(api, { person: person() });
    const vaccinatedCode = await register(api, { person: person() });
    expect((await joinStandby(api, { trackingCode: oldCode, birthDate: '1980-05-17' })).status).toBe(201);
    const vaccinated = await booking();
    await documentVaccination(api, catalogue, { personId: vaccinated.personId, doseNumber: 1, administeredAt: new Date().toISOString(), product: 'jcovden' });
    await tenantSql(api, 'UPDATE registration SET booking_id = $2 WHERE tracking_code = $1', [vaccinatedCode, vaccinated.bookingId]);
    // Standby from bookings: an old one never vaccinated (due), an old active one that led to a vaccination (kept).
    const unvaccinated = await booking();
    expect((await joinStandby(api, { manageToken: unvaccinated.manageToken })).status).toBe(201);
    expect((await joinStandby(api, { manageToken: vaccinated.manageToken })).status).toBe(201);
    await tenantSql(api, `UPDATE registration SET created_at = now() - interval '${OLD}' WHERE tracking_code = ANY($1)`, [[oldCode, vaccinatedCode]]);
    await tenantSql(api, `UPDATE standby_member SET created_at = now() - interval '${OLD}'`);

    // Mails: an old sent one (due), an old one still pending (kept), a recent sent one (kept).
    const mails = await tenantSql<{ id: string }>(api, 'SELECT id::text FROM outbox_message ORDER BY id LIMIT 3');
    expect(mails).toHaveLength(3);
    const [oldSent, oldPending, recentSent] = mails.map((mail) => mail.id);
    await tenantSql(api, `UPDATE outbox_message SET status = 'pending' WHERE id = $1`, [oldPending]);
    await tenantSql(api, `UPDATE outbox_message SET status = 'sent' WHERE id = ANY($1::bigint[])`, [[oldSent, recentSent]]);
    await tenantSql(api, `UPDATE outbox_message SET created_at = now() - interval '${OLD}' WHERE id = ANY($1::bigint[])`, [[oldSent, oldPending]]);

    // Audit: one event older than two years (due); sign-in records: an old counter and an old last sign-in (due).
    await api.request('/api/people', { token: doctor });
    const [oldAudit] = await tenantSql<{ id: string }>(
      api,
      `UPDATE audit_event SET occurred_at = now() - interval '800 days' WHERE id = (SELECT min(id) FROM audit_event) RETURNING id::text`,
    );
    expect(oldAudit).toBeDefined();
    const auditsBefore = await tenantSql<{ n: number }>(api, 'SELECT count(*)::int AS n FROM audit_event');
    await tenantSql(
      api,
      `INSERT INTO shared_counter (key, hits, expires_at) VALUES ('sign-in:old', 1, now() - interval '100 days'), ('sign-in:fresh', 1, now() + interval '1 hour')`,
    );
    await tenantSql(api, `UPDATE staff_account SET last_sign_in_at = now() - interval '100 days' WHERE id = (SELECT min(id::text)::uuid FROM staff_account)`);
    const vaccinationsBefore = await tenantSql<{ n: number }>(api, 'SELECT count(*)::int AS n FROM vaccination');

    const result = await api.app.get(RetentionJob).runOnce();

    // The old registration's standby membership went with it; the booking's one is the member counted here.
    expect(result).toMatchObject({ registrations: 1, standbyMembers: 1, mails: 1, auditEvents: 1, staffSignIns: 1 });
    expect(result.signInCounters).toBeGreaterThanOrEqual(1);
    const registrations = await tenantSql<{ tracking_code: string }>(api, 'SELECT tracking_code FROM registration ORDER BY tracking_code');
    expect(registrations.map((r) => r.tracking_code).sort()).toEqual([recentCode, vaccinatedCode].sort());
    const members = await tenantSql<{ booking_id: string | null }>(api, 'SELECT booking_id FROM standby_member');
    expect(members).toEqual([{ booking_id: vaccinated.bookingId }]);
    const mailsLeft = await tenantSql<{ id: string }>(api, 'SELECT id::text FROM outbox_message WHERE id = ANY($1::bigint[]) ORDER BY id', [
      [oldSent, oldPending, recentSent],
    ]);
    expect(mailsLeft.map((m) => m.id)).toEqual([oldPending, recentSent]);
    expect(await tenantSql(api, 'SELECT id FROM audit_event WHERE id = $1', [oldAudit!.id])).toEqual([]);
    expect(await tenantSql<{ n: number }>(api, 'SELECT count(*)::int AS n FROM audit_event WHERE id <> $1', [oldAudit!.id])).toEqual([{ n: auditsBefore[0]!.n - 1 }]);
    expect(await tenantSql(api, `SELECT key FROM shared_counter WHERE key LIKE 'sign-in:%' AND key IN ('sign-in:old', 'sign-in:fresh')`)).toEqual([
      { key: 'sign-in:fresh' },
    ]);
    expect(await tenantSql(api, 'SELECT count(*)::int AS n FROM vaccination')).toEqual(vaccinationsBefore);
    expect(await tenantSql(api, 'SELECT count(*)::int AS n FROM booking')).toEqual([{ n: 2 }]);

    // A second run finds nothing more to do.
    expect(await api.app.get(RetentionJob).runOnce()).toMatchObject({ registrations: 0, standbyMembers: 0, mails: 0, auditEvents: 0, staffSignIns: 0 });
  });

  it('keeps only the client network in the audit log', async () => {
    await api.request('/api/people', { token: doctor, headers: { 'x-forwarded-for': '203.0.113.77' } });
    await api.request('/api/people', { token: doctor, headers: { 'x-forwarded-for': '2001:db8:abcd:12::7' } });
    const addresses = (await tenantSql<{ client_ip: string }>(api, 'SELECT DISTINCT client_ip FROM audit_event')).map((row) => row.client_ip);
    expect(addresses).toEqual(expect.arrayContaining(['203.0.113.0/24', '2001:db8:abcd::/48']));
    for (const address of addresses) expect(address).toMatch(/^(local|[0-9.]+\.0\/24|[0-9a-f:]*::\/48)$/);
  });

  it('stores the priority group as a keyed order, not as its rank, and converts ranks stored before', async () => {
    const nurse = await register(api, { person: person(), occupations: ['medical-staff'] });
    const [row] = await tenantSql<{ priority_order: number }>(api, 'SELECT priority_order FROM registration WHERE tracking_code = $1', [nurse]);
    expect(row!.priority_order).toBeGreaterThan(PRIORITY_RULES_LIMITS.maxRank);
    const order = PriorityOrder.of(api.config.fieldKeys);
    expect(order.toRank(row!.priority_order)).toBe(1);
    expect(order.toOrder(1)! < order.toOrder(2)! && order.toOrder(2)! < order.toOrder(3)!).toBe(true);

    // A value the migration kept (a plain rank) is rewritten at start.
    const legacy = await register(api, { person: person() });
    await tenantSql(api, 'UPDATE registration SET priority_order = 3 WHERE tracking_code = $1', [legacy]);
    await api.app.get(PriorityOrderConversion).onApplicationBootstrap();
    const [converted] = await tenantSql<{ priority_order: number }>(api, 'SELECT priority_order FROM registration WHERE tracking_code = $1', [legacy]);
    expect(converted!.priority_order).toBe(order.toOrder(3));
    const small = await tenantSql(
      api,
      `SELECT 1 FROM registration WHERE priority_order <= ${PRIORITY_RULES_LIMITS.maxRank} UNION ALL SELECT 1 FROM standby_member WHERE priority_order <= ${PRIORITY_RULES_LIMITS.maxRank}`,
    );
    expect(small).toEqual([]);
  });
});
