import { cpus } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { bookingBurst, createBurstDays } from './booking-burst';
import { contractsValidation } from './contracts-validation';
import { databaseCeiling, type DatabaseCeiling } from './database-ceiling';
import { intakeBurst } from './intake-burst';
import { load, type LoadResult } from './load';
import { queryLayer } from './query-layer';
import { rosterImport, type RosterImportFigure } from './roster-import';
import { freePort, startNode, stop } from './processes';
import { clientIp, startBenchTenant } from './tenant-setup';

const ROOT = resolve(__dirname, '..', '..');
const CONNECTIONS = 100;
const DURATION_SECONDS = 10;
/** `--seconds N`: how long a timed scenario runs when one is picked with `--only` (1 s unless given). */
const ONLY_SECONDS = process.argv.includes('--seconds') ? Number(process.argv[process.argv.indexOf('--seconds') + 1]) : 1;
const BURST_ATTEMPTS = 15_000;
const INTAKE_ATTEMPTS = 10_000;
/** The burst and the intake run this many clients; the database ceiling is measured at the same concurrency. */
const BURST_CLIENTS = 128;
const CEILING_SECONDS = 5;
/** Callers at once in the query-layer comparison: about the API's pool size. */
const QUERY_LAYER_CLIENTS = 16;
/** Employees in the roster-import scenario: a large company's HR export. */
const ROSTER_ROWS = 10_000;

function dateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * `--only burst` (or `hello`, `ceiling`, `availability`, `intake`) runs one scenario (for profiling it); results are written only for a full run.
 * `--seconds N` lengthens such a run. BENCH_LOG_LEVEL=info (with BENCH_LOG_ROUTE=forwarded: through a second process) measures the request log.
 * `--only roster` imports a roster of ROSTER_ROWS employees (and the same file again) and records the figure in `bench/results.json`.
 * `--only contracts` measures the request validators alone and writes `bench/results-contracts.json`.
 * `--only query-layer` compares plain pg, TypeORM's query builder and Kysely on one pool (a read by id and a versioned
 * update, QUERY_LAYER_CLIENTS at once, 2 s per round unless `--seconds` says) and writes `bench/results-query-layer.json`.
 */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const runs = (scenario: 'hello' | 'ceiling' | 'availability' | 'burst' | 'intake' | 'contracts' | 'roster') => only === undefined || only === scenario;
/** A scenario picked alone still measures the ceiling it is stated against. */
const runsHello = runs('hello') || only === 'availability' || only === 'burst';
const runsCeiling = runs('ceiling') || only === 'burst' || only === 'intake';
const NOT_RUN: LoadResult = {
  requests: 0,
  durationSeconds: 0,
  requestsPerSecond: 0,
  latencyMs: { p50: 0, p90: 0, p99: 0, max: 0 },
  statusCodes: {},
  errors: 0,
  timeouts: 0,
};

async function main(): Promise<void> {
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version };
  console.log(`Benchmark on ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}`);

  if (runs('contracts')) {
    const validators = contractsValidation(ROOT);
    for (const figure of validators) console.log(`${figure.body} ${figure.kind}: ${figure.validator} ${figure.opsPerSecond} ops/s`);
    await writeFile(join(ROOT, 'bench', 'results-contracts.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, validators }, null, 2)}\n`);
    if (only === 'contracts') return;
  }

  let helloResult = NOT_RUN;
  if (runsHello) {
    const helloPort = await freePort();
    const hello = await startNode(join(__dirname, 'hello-server.js'), { PORT: String(helloPort) }, `http://127.0.0.1:${helloPort}/`);
    helloResult = await load({ url: `http://127.0.0.1:${helloPort}/`, connections: CONNECTIONS, duration: only ? ONLY_SECONDS : DURATION_SECONDS });
    await stop(hello);
    console.log(`node:http hello: ${helloResult.requestsPerSecond} req/s, p99 ${helloResult.latencyMs.p99} ms`);
  }

  const tenant = await startBenchTenant(ROOT);
  try {
    if (only === 'query-layer') {
      const seconds = process.argv.includes('--seconds') ? ONLY_SECONDS : 2;
      const figures = await queryLayer(tenant.databaseUrl, QUERY_LAYER_CLIENTS, seconds);
      for (const figure of figures) {
        console.log(`${figure.layer} ${figure.operation}: ${figure.opsPerSecond} ops/s, p50 ${figure.latencyMs.p50} ms, p99 ${figure.latencyMs.p99} ms`);
      }
      const result = { measuredAt: new Date().toISOString(), machine, clients: QUERY_LAYER_CLIENTS, secondsPerRound: seconds, figures };
      await writeFile(join(ROOT, 'bench', 'results-query-layer.json'), `${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    if (only === 'roster') {
      const roster = await measureRoster(tenant.baseUrl, tenant.databaseUrl, tenant.adminToken);
      // Alone, it updates its own figure among those of the last full run.
      const path = join(ROOT, 'bench', 'results.json');
      const results = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
      await writeFile(path, `${JSON.stringify({ ...results, rosterImport: { measuredAt: new Date().toISOString(), machine, ...roster } }, null, 2)}\n`);
      return;
    }
    let ceiling: DatabaseCeiling = { connections: 0, transactions: 0, durationSeconds: 0, commitsPerSecond: 0, latencyMs: { p50: 0, p99: 0 } };
    if (runsCeiling) {
      ceiling = await databaseCeiling(tenant.postgres.adminUrl, BURST_CLIENTS, only ? 2 : CEILING_SECONDS);
      console.log(`raw pg single-row INSERT transactions, ${ceiling.connections} clients: ${ceiling.commitsPerSecond} commits/s, p99 ${ceiling.latencyMs.p99} ms`);
      if (only === 'ceiling') return;
    }
    if (only === 'intake') {
      const intake = await intakeBurst(tenant.baseUrl, tenant.databaseUrl, INTAKE_ATTEMPTS, BURST_CLIENTS);
      console.log(
        `waiting-list intake: ${intake.requestsPerSecond} registrations/s (${share(intake.requestsPerSecond, ceiling.commitsPerSecond)} of raw INSERT), p99 ${intake.latencyMs.p99} ms, ` +
          `${intake.accepted} answered 202, ${intake.stored} stored, ${intake.lost} lost, statuses ${JSON.stringify(intake.statusCodes)}`,
      );
      return;
    }
    const setup = await createBurstDays(tenant.baseUrl, tenant.adminToken, dateIn);
    let visitor = 0;
    const availabilityUrl = `${tenant.baseUrl}/api/availability?productId=${setup.productId}&doseKind=first`;
    // Browsers send Accept-Encoding; each request comes from another visitor.
    const visitors = [
      {
        method: 'GET' as const,
        setupRequest: (request: object) => ({ ...request, headers: { 'accept-encoding': 'gzip, br', 'x-forwarded-for': clientIp(visitor++ % 60_000) } }),
      },
    ];
    await load({ url: availabilityUrl, connections: CONNECTIONS, duration: 2, requests: visitors }); // warm-up
    const availability = await load({ url: availabilityUrl, connections: CONNECTIONS, duration: only ? ONLY_SECONDS : DURATION_SECONDS, requests: visitors });
    console.log(
      `availability: ${availability.requestsPerSecond} req/s, p99 ${availability.latencyMs.p99} ms, ${share(availability.requestsPerSecond, helloResult.requestsPerSecond)} of node:http, ` +
        `statuses ${JSON.stringify(availability.statusCodes)}`,
    );
    if (only === 'availability') return;

    const burst = await bookingBurst(tenant.baseUrl, tenant.databaseUrl, setup, BURST_ATTEMPTS, BURST_CLIENTS);
    console.log(
      `booking burst: ${burst.requestsPerSecond} attempts/s (${share(burst.requestsPerSecond, helloResult.requestsPerSecond)} of node:http), p99 ${burst.latencyMs.p99} ms; ` +
        `${burst.committedPerSecond} committed bookings/s (${share(burst.committedPerSecond, ceiling.commitsPerSecond)} of raw INSERT), sold out after ${burst.sellOutSeconds} s, in ${burst.bookingTransactions} transactions; ` +
        `${burst.booked}/${burst.places} places booked, ${burst.overbookedSlots} overbooked slots, ${burst.doubleBookings} double bookings, statuses ${JSON.stringify(burst.statusCodes)}`,
    );

    // The tail of a sell-out: every attempt hits a full slot and is answered from memory.
    const soldOut = await bookingBurst(tenant.baseUrl, tenant.databaseUrl, setup, BURST_ATTEMPTS, BURST_CLIENTS);
    console.log(
      `after the sell-out: ${soldOut.requestsPerSecond} attempts/s (${share(soldOut.requestsPerSecond, helloResult.requestsPerSecond)} of node:http), ` +
        `p99 ${soldOut.latencyMs.p99} ms, statuses ${JSON.stringify(soldOut.statusCodes)}`,
    );

    if (only === 'burst') return;

    const intake = await intakeBurst(tenant.baseUrl, tenant.databaseUrl, INTAKE_ATTEMPTS, BURST_CLIENTS);
    console.log(
      `waiting-list intake: ${intake.requestsPerSecond} registrations/s (${share(intake.requestsPerSecond, ceiling.commitsPerSecond)} of raw INSERT), p99 ${intake.latencyMs.p99} ms, ` +
        `${intake.accepted} answered 202, ${intake.stored} stored, ${intake.lost} lost, statuses ${JSON.stringify(intake.statusCodes)}`,
    );

    const roster = await measureRoster(tenant.baseUrl, tenant.databaseUrl, tenant.adminToken);

    const results = {
      measuredAt: new Date().toISOString(),
      machine,
      settings: { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, apiLogLevel: process.env['BENCH_LOG_LEVEL'] ?? 'warn', apiProcesses: 1 },
      helloNodeHttp: helloResult,
      databaseCeiling: ceiling,
      availabilityCached: availability,
      bookingBurst: burst,
      afterSellOut: soldOut,
      intake,
      rosterImport: { measuredAt: new Date().toISOString(), machine, ...roster },
      shares: {
        availabilityOfNodeHttp: share(availability.requestsPerSecond, helloResult.requestsPerSecond),
        bookingAttemptsOfNodeHttp: share(burst.requestsPerSecond, helloResult.requestsPerSecond),
        committedBookingsOfRawInsert: share(burst.committedPerSecond, ceiling.commitsPerSecond),
        afterSellOutOfNodeHttp: share(soldOut.requestsPerSecond, helloResult.requestsPerSecond),
        intakeOfRawInsert: share(intake.requestsPerSecond, ceiling.commitsPerSecond),
      },
    };
    if (only) return;
    await writeFile(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    await updateReadme(results);
  } finally {
    await stop(tenant.api);
    await tenant.postgres.stop();
  }
}

async function measureRoster(baseUrl: string, databaseUrl: string, adminToken: string): Promise<RosterImportFigure> {
  const roster = await rosterImport(baseUrl, databaseUrl, adminToken, ROSTER_ROWS);
  console.log(
    `roster import: ${roster.rows} rows (${Math.round(roster.csvBytes / 1024)} KiB) in ${roster.firstImportSeconds} s (${roster.rowsPerSecond} rows/s), ` +
      `the same file again in ${roster.reImportSeconds} s (${roster.unchangedOnReImport} unchanged); ${roster.peopleStored} people, ${roster.nameTokensStored} name tokens stored`,
  );
  return roster;
}

type Results = {
  measuredAt: string;
  machine: { cpus: number; node: string };
  helloNodeHttp: { requestsPerSecond: number; latencyMs: { p99: number } };
  databaseCeiling: DatabaseCeiling;
  availabilityCached: { requestsPerSecond: number; latencyMs: { p99: number } };
  bookingBurst: {
    requestsPerSecond: number;
    latencyMs: { p99: number };
    booked: number;
    places: number;
    overbookedSlots: number;
    doubleBookings: number;
    committedPerSecond: number;
    sellOutSeconds: number;
  };
  afterSellOut: { requestsPerSecond: number; latencyMs: { p99: number } };
  intake: { requestsPerSecond: number; latencyMs: { p99: number }; accepted: number; stored: number; lost: number };
};

async function updateReadme(results: Results): Promise<void> {
  const path = join(ROOT, 'README.md');
  const readme = await readFile(path, 'utf8');
  const b = results.bookingBurst;
  const hello = results.helloNodeHttp.requestsPerSecond;
  const inserts = results.databaseCeiling.commitsPerSecond;
  const table = [
    '<!-- bench:start -->',
    `Measured ${results.measuredAt.slice(0, 10)} on ${results.machine.cpus} cores, Node ${results.machine.node}, load generator on the same machine (\`npm run bench\`, figures in \`bench/results.json\`):`,
    '',
    '| scenario | per second | share of its ceiling | p99 | correctness |',
    '| --- | ---: | ---: | ---: | --- |',
    `| bare \`node:http\` hello (HTTP ceiling) | ${hello} requests | 1 | ${results.helloNodeHttp.latencyMs.p99} ms | |`,
    `| raw \`pg\` single-row INSERT transactions, ${results.databaseCeiling.connections} clients (database ceiling) | ${inserts} commits | 1 | ${results.databaseCeiling.latencyMs.p99} ms | |`,
    `| cached \`GET /api/availability\`, 100 connections | ${results.availabilityCached.requestsPerSecond} requests | ${share(results.availabilityCached.requestsPerSecond, hello)} of HTTP | ${results.availabilityCached.latencyMs.p99} ms | |`,
    `| booking burst, 300 slots, 128 clients until sold out: attempts | ${b.requestsPerSecond} attempts | ${share(b.requestsPerSecond, hello)} of HTTP | ${b.latencyMs.p99} ms | ${b.booked}/${b.places} booked, ${b.overbookedSlots} overbooked, ${b.doubleBookings} double |`,
    `| the same burst: committed bookings until sold out (${b.sellOutSeconds} s) | ${b.committedPerSecond} bookings | ${share(b.committedPerSecond, inserts)} of database | | |`,
    `| the same after the sell-out (every slot full) | ${results.afterSellOut.requestsPerSecond} attempts | ${share(results.afterSellOut.requestsPerSecond, hello)} of HTTP | ${results.afterSellOut.latencyMs.p99} ms | |`,
    `| waiting-list intake, 128 clients, captcha on | ${results.intake.requestsPerSecond} registrations | ${share(results.intake.requestsPerSecond, inserts)} of database | ${results.intake.latencyMs.p99} ms | ${results.intake.accepted} answered 202, ${results.intake.stored} stored, ${results.intake.lost} lost |`,
    '<!-- bench:end -->',
  ].join('\n');
  const updated = readme.includes('<!-- bench:start -->')
    ? readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, table)
    : `${readme.trimEnd()}\n\n## Performance\n\n${table}\n`;
  await writeFile(path, updated);
}

/** A figure as a share of its ceiling, two decimals. */
function share(figure: number, ceiling: number): number {
  return ceiling > 0 ? Math.round((figure / ceiling) * 100) / 100 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
