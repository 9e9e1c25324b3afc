import type { ProblemDetails } from '@vaccinate/api-contracts';
import { examplePriorityRules, PRIORITY_RULES_LIMITS } from '@vaccinate/priority-rules';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PriorityOrder } from '../../src/database/priority-order';
import { captchaSolution, person, randomClientIp } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

async function rowsOf<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('priority rules and releases per tenant', () => {
  let api: RunningApi;
  let doctor: string;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'rules'), { CAPTCHA_MAX_NUMBER: '200' });
    doctor = await staffToken(api, ['doctor']);
  });
  afterAll(() => api?.close());

  async function register(body: Record<string, unknown>): Promise<string> {
    const ip = randomClientIp();
    const response = await api.request('/api/registrations', { body: { captcha: await captchaSolution(api, ip), ...body }, headers: { 'x-forwarded-for': ip } });
    expect(response.status).toBe(202);
    return ((await response.json()) as { trackingCode: string }).trackingCode;
  }

  /** The rank the stored keyed order stands for; the column itself never holds the rank. */
  async function groupOf(trackingCode: string): Promise<{ priority_rank: number | null }> {
    const [row] = await rowsOf<{ priority_order: number | null }>(api.tenant.databaseUrl, 'SELECT priority_order FROM registration WHERE tracking_code = $1', [
      trackingCode,
    ]);
    if (!row) throw new Error('no registration');
    if (row.priority_order !== null) expect(row.priority_order).toBeGreaterThan(PRIORITY_RULES_LIMITS.maxRank);
    return { priority_rank: PriorityOrder.of(api.config.fieldKeys).toRank(row.priority_order) };
  }

  it('starts with the example rules and groups a registration on intake', async () => {
    const rules = await (await api.request('/api/waiting-list/rules', { token: doctor })).json();
    expect(rules).toMatchObject({ version: 0, rules: examplePriorityRules() });
    const nurse = await register({ person: person(), occupations: ['medical-staff'] });
    const clerk = await register({ person: person() });
    expect(await groupOf(nurse)).toEqual({ priority_rank: 1 });
    expect(await groupOf(clerk)).toEqual({ priority_rank: 3 });
  });

  it('refuses invalid rules with every field named, and keeps the rules in force', async () => {
    const response = await api.request('/api/waiting-list/rules', {
      method: 'PUT',
      token: doctor,
      body: { rules: { version: 2, groups: [{ id: 'x', rank: 0, name: { de: '', en: 'X' }, match: { always: true } }] }, eligibility: [{ productId: 'nope' }] },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const fields = ((await response.json()) as ProblemDetails).errors?.map((e) => e.field).sort();
    expect(fields).toEqual(['eligibility.0.productId', 'rules.groups.0.name.de', 'rules.groups.0.rank', 'rules.version']);
    expect(((await (await api.request('/api/waiting-list/rules', { token: doctor })).json()) as { version: number }).version).toBe(0);
  });

  it('saves new rules as a version, regroups the queue and audits the change', async () => {
    const shiftWorker = await register({ person: person(), occupations: ['shift-work'] });
    expect((await groupOf(shiftWorker)).priority_rank).toBe(2);
    const rules = {
      version: 1,
      groups: [
        { id: 'shift-work', rank: 1, name: { de: 'Schicht', en: 'Shifts' }, match: { occupation: ['shift-work'] } },
        { id: 'rest', rank: 5, name: { de: 'Alle', en: 'All' }, match: { always: true } },
      ],
    };
    const response = await api.request('/api/waiting-list/rules', { method: 'PUT', token: doctor, body: { rules, eligibility: [] } });
    expect(response.status).toBe(200);
    const saved = (await response.json()) as { version: number; regrouped: number };
    expect(saved.version).toBeGreaterThan(0);
    expect(saved.regrouped).toBeGreaterThanOrEqual(3);
    expect(await groupOf(shiftWorker)).toEqual({ priority_rank: 1 });
    const audits = await rowsOf(api.tenant.databaseUrl, "SELECT * FROM audit_event WHERE action = 'priority_rules.update'");
    expect(audits).toHaveLength(1);
  });

  it('releases groups globally and per site, audited, and refuses an unknown site', async () => {
    const released = await api.request('/api/waiting-list/releases', { token: doctor, body: { upToRank: 1 } });
    expect(released.status).toBe(204);
    const unknownSite = await api.request('/api/waiting-list/releases', { token: doctor, body: { upToRank: 2, siteId: '7d4c3c1e-3f5b-4c6a-9f00-8c1f2d3e4a5b' } });
    expect(unknownSite.status).toBe(404);
    const bad = await api.request('/api/waiting-list/releases', { token: doctor, body: { upToRank: -1 } });
    expect(bad.status).toBe(400);
    const inForce = await (await api.request('/api/waiting-list/releases', { token: doctor })).json();
    expect(inForce).toEqual([expect.objectContaining({ siteId: null, upToRank: 1 })]);
    expect(await rowsOf(api.tenant.databaseUrl, "SELECT * FROM audit_event WHERE action = 'priority_release.create'")).toHaveLength(1);
  });
  it('refuses a save based on a version no longer in force, and changes nothing', async () => {
    const { version } = (await (await api.request('/api/waiting-list/rules', { token: doctor })).json()) as { version: number };
    const first = await api.request('/api/waiting-list/rules', { method: 'PUT', token: doctor, body: { rules: examplePriorityRules(), version } });
    expect(first.status).toBe(200);
    const saved = ((await first.json()) as { version: number }).version;
    const stale = await api.request('/api/waiting-list/rules', { method: 'PUT', token: doctor, body: { rules: examplePriorityRules(), version } });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(((await stale.json()) as ProblemDetails).code).toBe('priority_rules.version_conflict');
    expect(((await (await api.request('/api/waiting-list/rules', { token: doctor })).json()) as { version: number }).version).toBe(saved);
  });

  it('keeps the rules and releases unchanged when their audit event cannot be written', async () => {
    const count = async (table: string) => Number((await rowsOf<{ count: string }>(api.tenant.databaseUrl, `SELECT count(*) FROM ${table}`))[0]?.count);
    const before = { ruleSets: await count('priority_rule_set'), releases: await count('priority_release'), audits: await count('audit_event') };
    // The audit insert fails inside Postgres, as a full disk or a revoked grant would make it.
    await rowsOf(
      api.tenant.databaseUrl,
      `CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$;
       CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION refuse_audit();`,
    );
    try {
      const save = await api.request('/api/waiting-list/rules', { method: 'PUT', token: doctor, body: { rules: examplePriorityRules() } });
      expect(save.status).toBe(500);
      const release = await api.request('/api/waiting-list/releases', { token: doctor, body: { upToRank: 3 } });
      expect(release.status).toBe(500);
    } finally {
      await rowsOf(api.tenant.databaseUrl, 'DROP TRIGGER refuse_audit ON audit_event; DROP FUNCTION refuse_audit();');
    }
    expect({ ruleSets: await count('priority_rule_set'), releases: await count('priority_release'), audits: await count('audit_event') }).toEqual(before);
  });
});
