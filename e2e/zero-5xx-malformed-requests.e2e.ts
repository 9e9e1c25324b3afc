import { request } from 'node:http';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { operationsOf, requestsFor, type FuzzRequest, type OpenApiDocument } from '../apps/api/test/support/openapi-fuzz';
import { tenantApi } from './support/tenant-api';

// Last in file order: it must not disturb the journeys. FUZZ_RUNS raises it to a full sweep.
const RUNS_PER_OPERATION = Number(process.env['FUZZ_RUNS'] ?? 3);
const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);

interface Tally {
  requests: number;
  /** Over-limit uploads the API refused by closing the connection before the client finished writing. */
  resetUploads: number;
  serverErrors: string[];
  notProblems: string[];
  statuses: Record<number, number>;
}

function send(port: number, host: string, fuzz: FuzzRequest, token: string | undefined): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: fuzz.method,
        path: fuzz.url,
        // A connection per request: a reused one the server has just closed would be the client's reset, not an answer.
        agent: false,
        headers: {
          host,
          ...(fuzz.contentType ? { 'content-type': fuzz.contentType } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () =>
          resolve({
            status: answer.statusCode ?? 0,
            type: String(answer.headers['content-type'] ?? '').split(';')[0] ?? '',
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      // Fastify answers an over-limit body (413) and closes at once; a client still writing sees a reset instead.
      const overLimit = Buffer.byteLength(fuzz.payload ?? '') > 64 * 1024;
      if (overLimit && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) resolve({ status: 0, type: '', body: 'reset' });
      else reject(new Error(`${fuzz.method} ${fuzz.url.slice(0, 200)} (${fuzz.label}, ${Buffer.byteLength(fuzz.payload ?? '')} bytes): ${error.message}`));
    });
    outgoing.setTimeout(15_000, () => outgoing.destroy(new Error(`no answer to ${fuzz.method} ${fuzz.url}`)));
    outgoing.end(fuzz.payload);
  });
}

/** Malformed requests over every operation through the gateway and straight to the API port, counted rather than stopped at the first. */
describe('the whole product under malformed requests', () => {
  it('answers none with a 5xx and every error as a problem, through the gateway and on the API port', { timeout: 1_800_000 }, async () => {
    const gatewayPort = inject('gatewayPort');
    const host = `acme.localhost:${gatewayPort}`;
    const api = tenantApi('acme', gatewayPort);
    const password = inject('demoStaffPasswords')['acme'] ?? '';
    const tokens: Record<string, string | undefined> = {
      none: undefined,
      doctor: await api.signIn('doctor@acme.example', password),
      assistant: await api.signIn('assistant@acme.example', password),
    };
    const document = (await api.get<OpenApiDocument>('/openapi.json')) as OpenApiDocument;
    const operations = operationsOf(document);
    console.info(`malformed-request sweep seed: ${SEED} (replay with FUZZ_SEED=${SEED}), ${RUNS_PER_OPERATION} per operation and target`);
    const targets = Object.fromEntries(
      Object.entries({ gateway: gatewayPort, apiPort: inject('apiBasePort') }).filter(([name]) => (process.env['FUZZ_TARGETS'] ?? 'gateway,apiPort').includes(name)),
    );
    const tallies: Record<string, Tally> = {};
    for (const [target, port] of Object.entries(targets)) {
      const tally: Tally = { requests: 0, resetUploads: 0, serverErrors: [], notProblems: [], statuses: {} };
      tallies[target] = tally;
      for (const [index, operation] of operations.entries()) {
        const samples = fc.sample(fc.tuple(requestsFor(operation, document, { ids: [] }), fc.constantFrom(...Object.keys(tokens))), {
          seed: SEED + index,
          numRuns: RUNS_PER_OPERATION,
        });
        for (const [fuzz, role] of samples) {
          const answer = await send(port, host, fuzz, tokens[role]);
          tally.requests += 1;
          if (answer.status === 0) {
            tally.resetUploads += 1;
            continue;
          }
          tally.statuses[answer.status] = (tally.statuses[answer.status] ?? 0) + 1;
          const where = `${fuzz.method} ${fuzz.url.slice(0, 120)} (${fuzz.label}, ${role}) -> ${answer.status} ${answer.body.slice(0, 160)}`;
          if (answer.status >= 500) tally.serverErrors.push(where);
          if (answer.status >= 400 && answer.type !== 'application/problem+json') tally.notProblems.push(where);
        }
      }
      console.info(
        `${target}: ${tally.requests} requests over ${operations.length} operations, ${tally.serverErrors.length} answered 5xx, ` +
          `${tally.notProblems.length} errors not problem+json, ${tally.resetUploads} over-limit uploads reset; statuses ${JSON.stringify(tally.statuses)}`,
      );
    }
    for (const [target, tally] of Object.entries(tallies)) expect([...tally.serverErrors, ...tally.notProblems].slice(0, 10), target).toEqual([]);
    expect((await send(gatewayPort, host, { method: 'GET', url: '/api/health/ready', label: 'ready' }, undefined)).status).toBe(200);
  });
});
