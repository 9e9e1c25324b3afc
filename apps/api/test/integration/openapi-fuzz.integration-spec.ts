import { readFile } from 'node:fs/promises';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from '@vaccinate/api-contracts';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCatalogue, createDay, inDays } from '../support/booking-fixture';
import { operationsOf, requestsFor, type FuzzRequest, type OpenApiDocument } from '../support/openapi-fuzz';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

// Bounded for CI: FUZZ_RUNS requests per operation (each with a random token), seed printed for a replay.
const RUNS_PER_OPERATION = Number(process.env['FUZZ_RUNS'] ?? 20);
const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
const WRITTEN_TABLES = [
  'site',
  'vaccine_product',
  'lot',
  'vaccination_day',
  'slot',
  'person',
  'registration',
  'booking',
  'visit',
  'vaccination',
  'staff_account',
  'standby_member',
];

describe('every operation of the OpenAPI document, fed well-formed and malformed requests', () => {
  let api: RunningApi;
  let database: pg.Client;
  let document: OpenApiDocument;
  const tokens: Record<string, string | undefined> = { none: undefined };
  const ids: string[] = [];

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'fuzz'));
    database = new pg.Client({ connectionString: api.tenant.databaseUrl });
    await database.connect();
    for (const role of ['admin', 'doctor', 'assistant'] as const) tokens[role] = await staffToken(api, [role]);
    const catalogue = await createCatalogue(api, tokens['doctor'] ?? '');
    const day = await createDay(api, tokens['doctor'] ?? '', { siteId: catalogue.site.id, date: inDays(6), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 20 }] });
    ids.push(catalogue.site.id, catalogue.comirnaty.id, catalogue.jcovden.id, catalogue.comirnatyLot.id, day.id, day.slots[0]?.id ?? day.id);
    // The committed document once it exists; until then the one the API serves.
    const file = process.env['FUZZ_OPENAPI'];
    document = (file ? JSON.parse(await readFile(file, 'utf8')) : await (await api.request('/api/openapi.json')).json()) as OpenApiDocument;
  });
  afterAll(async () => {
    await database?.end();
    await api?.close();
  });

  async function rowCount(): Promise<number> {
    const sql = `SELECT ${WRITTEN_TABLES.map((table) => `(SELECT count(*) FROM ${table})`).join(' + ')} AS n`;
    return Number((await database.query<{ n: string }>(sql)).rows[0]?.n);
  }

  async function send(request: FuzzRequest, token: string | undefined) {
    return api.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: {
        ...(request.contentType ? { 'content-type': request.contentType } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
  }

  it('answers no 5xx, every 4xx as a problem (with a field list for invalid fields), writes nothing when it refuses, and stays ready', { timeout: 600_000 }, async () => {
    console.info(`API fuzz seed: ${SEED} (replay with FUZZ_SEED=${SEED}), ${RUNS_PER_OPERATION} runs per operation`);
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(50);
    const statuses = new Map<number, number>();
    for (const [index, operation] of operations.entries()) {
      await fc.assert(
        fc.asyncProperty(requestsFor(operation, document, { ids }), fc.constantFrom(...Object.keys(tokens)), async (request, role) => {
          const before = await rowCount();
          const answer = await send(request, tokens[role]);
          statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
          const where = `${request.method} ${request.url.slice(0, 200)} (${request.label}, token: ${role}) -> ${answer.statusCode} ${answer.body.slice(0, 300)}`;
          // The API logs an unexpected error's class and stack (never its message): show them with the request.
          const logged =
            answer.statusCode >= 500
              ? api.logs
                  .filter((line) => line.includes('unhandled error'))
                  .slice(-1)
                  .join('')
              : '';
          expect(answer.statusCode, `${where}\n${logged}`).toBeLessThan(500);
          if (answer.statusCode < 400) return;
          expect(answer.headers['content-type']?.toString().split(';')[0], where).toBe(PROBLEM_CONTENT_TYPE);
          const problem = JSON.parse(answer.body) as ProblemDetails;
          expect(problem.status, where).toBe(answer.statusCode);
          if (problem.code === 'request.invalid') expect(problem.errors?.length, where).toBeGreaterThan(0);
          expect(await rowCount(), `${where}: a refused request wrote rows`).toBe(before);
        }),
        { seed: SEED + index, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
    }
    const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    console.info(`API fuzz: ${total} requests over ${operations.length} operations; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect((await api.request('/api/health/ready')).status).toBe(200);
  });
});
