import type { Person, Questionnaire, Site, VaccinationDay, VaccineProduct } from '@vaccinate/api-contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { examplePriorityRules } from '@vaccinate/priority-rules';
import { captchaSolution, COMIRNATY, createCatalogue, createDay, inDays, person, randomClientIp } from '../support/booking-fixture';
import { postJson, provisionTestTenant, rowsOf, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

const WRITERS = 16;
const ROUNDS = 6;

/** Sixteen staff save a change based on the same version at once: one wins, the rest are told it changed meanwhile. */
describe('concurrent changes of one versioned record', () => {
  let api: RunningApi;
  let doctor: string;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'concurrent'), { CAPTCHA_MAX_NUMBER: '200' });
    doctor = await staffToken(api, ['doctor']);
  });
  afterAll(() => api?.close());

  async function deadlocks(): Promise<number> {
    const [row] = await rowsOf<{ deadlocks: string }>(api.tenant.databaseUrl, 'SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()');
    return Number(row?.deadlocks ?? 0);
  }

  /** Sends `WRITERS` changes together; expects one 200, the rest 409 problem+json with `conflictCode`, and no new deadlock. */
  async function raceOf(method: string, path: string, bodyOf: (writer: number) => unknown, conflictCode: string): Promise<void> {
    const deadlocksBefore = await deadlocks();
    // Bodies are built first and sent from one turn of the event loop, so the requests really overlap.
    const bodies = Array.from({ length: WRITERS }, (_, writer) => bodyOf(writer));
    const answers = await Promise.all(
      bodies.map(async (body) => {
        const response = await api.request(path, { method, token: doctor, body });
        return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as { code?: string } };
      }),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, ...Array.from({ length: WRITERS - 1 }, () => 409)]);
    for (const conflict of answers.filter((answer) => answer.status === 409)) {
      expect(conflict.type).toContain('application/problem+json');
      expect(conflict.body.code).toBe(conflictCode);
    }
    // pg_stat_database is flushed by each backend when it goes idle; a short pause lets the counters settle.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await deadlocks()).toBe(deadlocksBefore);
  }

  it('corrects a person once', async () => {
    const person = await postJson<Person>(api, '/api/people', { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@acme.example', birthDate: '1985-12-10' }, doctor);
    for (let round = 0; round < ROUNDS; round += 1) {
      const version = person.version + round;
      // A new e-mail changes a uniquely indexed column: the update then needs the strongest row lock.
      await raceOf(
        'PATCH',
        `/api/people/${person.id}`,
        (writer) => ({ familyName: `King ${round}.${writer}`, email: `ada.${round}.${writer}@acme.example`, version, reason: 'Married name' }),
        'person.version_conflict',
      );
    }
    const [revisions] = await rowsOf<{ count: string }>(api.tenant.databaseUrl, 'SELECT count(*) FROM person_revision WHERE person_id = $1', [person.id]);
    expect(Number(revisions?.count)).toBe(ROUNDS);
    const stored = (await (await api.request(`/api/people/${person.id}`, { token: doctor })).json()) as Person;
    expect(stored.version).toBe(person.version + ROUNDS);
  });

  it('changes a site once', async () => {
    const site = await postJson<Site>(
      api,
      '/api/sites',
      { name: 'Werk Nord', street: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', openingHours: 'Mo–Fr', stations: 2 },
      doctor,
    );
    await raceOf('PATCH', `/api/sites/${site.id}`, (writer) => ({ stations: writer + 1, version: site.version }), 'catalogue.version_conflict');
  });

  it('changes a vaccine once', async () => {
    const product = await postJson<VaccineProduct>(api, '/api/vaccines', { ...COMIRNATY, name: 'Comirnaty concurrent' }, doctor);
    await raceOf('PATCH', `/api/vaccines/${product.id}`, (writer) => ({ minAgeYears: 12 + writer, version: product.version }), 'catalogue.version_conflict');
  });

  it('changes a vaccination day once', async () => {
    const catalogue = await createCatalogue(api, doctor);
    const day: VaccinationDay = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(9), lots: [{ lotId: catalogue.comirnatyLot.id, doses: 20 }] });
    await raceOf(
      'PATCH',
      `/api/vaccination-days/${day.id}`,
      (writer) => ({ capacityPerSlot: { first: 2 + writer, followUp: 2, booster: 1 }, version: day.version }),
      'day.version_conflict',
    );
  });

  it('saves the questionnaire once', async () => {
    const current = (await (await api.request('/api/questionnaire', { token: doctor })).json()) as Questionnaire;
    await raceOf(
      'PUT',
      '/api/questionnaire',
      (writer) => ({
        version: current.version,
        questions: current.questions.map((question, index) => (index === 0 ? { ...question, key: `${question.key}_${writer}` } : question)),
      }),
      'questionnaire.version_conflict',
    );
  });

  it('saves the priority rules once when every save names the version it is based on', async () => {
    const current = (await (await api.request('/api/waiting-list/rules', { token: doctor })).json()) as { version: number };
    await raceOf(
      'PUT',
      '/api/waiting-list/rules',
      () => ({ rules: examplePriorityRules(), eligibility: [], version: current.version }),
      'priority_rules.version_conflict',
    );
  });

  it('saves sixteen rule sets at once, each as its own version, regrouping the queue without a deadlock', async () => {
    for (let n = 0; n < 30; n += 1) {
      const ip = randomClientIp();
      const answer = await api.request('/api/registrations', { body: { captcha: await captchaSolution(api, ip), person: person() }, headers: { 'x-forwarded-for': ip } });
      expect(answer.status).toBe(202);
    }
    const ruleSets = async () => Number((await rowsOf<{ count: string }>(api.tenant.databaseUrl, 'SELECT count(*) FROM priority_rule_set'))[0]?.count);
    const before = await ruleSets();
    const deadlocksBefore = await deadlocks();
    // The rules carry no version to compare: the last save wins, and none of them may fail.
    const statuses = await Promise.all(
      Array.from(
        { length: WRITERS },
        async () => (await api.request('/api/waiting-list/rules', { method: 'PUT', token: doctor, body: { rules: examplePriorityRules(), eligibility: [] } })).status,
      ),
    );
    expect(statuses).toEqual(Array.from({ length: WRITERS }, () => 200));
    expect((await ruleSets()) - before).toBe(WRITERS);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await deadlocks()).toBe(deadlocksBefore);
  });
});
