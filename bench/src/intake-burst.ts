import pg from 'pg';
import { solvedCaptchas } from './booking-burst';
import { load, type LoadResult } from './load';
import { clientIp } from './tenant-setup';

export interface IntakeResult extends LoadResult {
  attempts: number;
  accepted: number;
  stored: number;
  lost: number;
}

/** Everybody registers for the waiting list at once: each answered 202 must be a row afterwards. */
export async function intakeBurst(baseUrl: string, databaseUrl: string, attempts: number, connections: number): Promise<IntakeResult> {
  const captchas = await solvedCaptchas(baseUrl, attempts);
  let next = 0;
  const result = await load({
    url: baseUrl,
    connections,
    amount: attempts,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/registrations',
        setupRequest: (request) => {
          const n = next++;
          return {
            ...request,
            headers: { 'content-type': 'application/json', 'x-forwarded-for': clientIp(200_000 + n) },
            body: JSON.stringify({
              person: { givenName: 'Queue', familyName: `Person ${n}`, email: `queue-${n}@bench.example`, birthDate: '1975-06-01' },
              occupations: n % 7 === 0 ? ['medical-staff'] : [],
              answers: { 'chronic-condition': n % 5 === 0 },
              captcha: captchas[n % captchas.length],
            }),
          };
        },
      },
    ],
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const stored = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM registration')).rows[0]?.n ?? 0);
  await client.end();
  const accepted = result.statusCodes['202'] ?? 0;
  return { ...result, attempts, accepted, stored, lost: Math.max(accepted - stored, 0) };
}
