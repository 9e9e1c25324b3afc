import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { solveChallenge } from 'altcha-lib/v1';
import { load, type LoadResult } from './load';
import { clientIp, post } from './tenant-setup';

export interface BurstSetup {
  productId: string;
  slotIds: string[];
  capacity: number;
}

/** 300 slots of small capacity on five days of one site, for a single-dose vaccine. */
export async function createBurstDays(baseUrl: string, token: string, tomorrow: (offset: number) => string): Promise<BurstSetup> {
  const site = (await post(
    baseUrl,
    '/api/sites',
    { name: 'Bench site', street: 'Street 1', postalCode: '10115', city: 'Berlin', openingHours: '', stations: 5 },
    token,
  )) as { id: string };
  const product = (await post(
    baseUrl,
    '/api/vaccines',
    {
      name: 'Jcovden',
      manufacturer: 'Janssen-Cilag International',
      euProductCode: 'EU/1/20/1525',
      marketingAuthorisationHolder: 'ORG-100001417',
      prophylaxisCode: '29061000087103',
      primaryDoses: 1,
      followUpIntervals: [],
      boosterMinDaysAfterSeries: null,
      minAgeYears: 18,
      maxAgeYears: null,
      active: true,
    },
    token,
  )) as { id: string };
  const lot = (await post(baseUrl, '/api/lots', { productId: product.id, lotNumber: 'BENCH-1', expiryDate: tomorrow(300), dosesReceived: 10_000 }, token)) as {
    id: string;
  };
  const slotIds: string[] = [];
  const capacity = 5;
  for (let day = 1; day <= 5; day += 1) {
    const created = (await post(
      baseUrl,
      '/api/vaccination-days',
      {
        siteId: site.id,
        date: tomorrow(day),
        opensAt: '08:00',
        closesAt: '18:00',
        slotMinutes: 10,
        capacityPerSlot: { first: capacity, followUp: 0, booster: 0 },
        lots: [{ lotId: lot.id, doses: 60 * capacity }],
      },
      token,
    )) as { slots: { id: string }[] };
    slotIds.push(...created.slots.map((slot) => slot.id));
  }
  return { productId: product.id, slotIds, capacity };
}

/** Captcha solutions fetched and solved before the burst, as browsers do while people type. */
export async function solvedCaptchas(baseUrl: string, count: number): Promise<string[]> {
  const solutions: string[] = [];
  const batch = 50;
  for (let start = 0; start < count; start += batch) {
    const part = await Promise.all(
      Array.from({ length: Math.min(batch, count - start) }, async (_, i) => {
        const response = await fetch(`${baseUrl}/api/captcha/challenge`, { headers: { 'x-forwarded-for': clientIp(100_000 + start + i) } });
        const challenge = (await response.json()) as { algorithm: string; challenge: string; maxnumber: number; salt: string; signature: string };
        const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
        return Buffer.from(
          JSON.stringify({
            algorithm: challenge.algorithm,
            challenge: challenge.challenge,
            number: solution?.number,
            salt: challenge.salt,
            signature: challenge.signature,
          }),
        ).toString('base64');
      }),
    );
    solutions.push(...part);
  }
  return solutions;
}

export interface BurstResult extends LoadResult {
  attempts: number;
  places: number;
  booked: number;
  overbookedSlots: number;
  doubleBookings: number;
  bookingsMatchingAnswers: boolean;
  /** From the first attempt to the last 201. */
  sellOutSeconds: number;
  /** Bookings committed per second until the sell-out, apart from the attempts answered 409. */
  committedPerSecond: number;
  /** The transactions that wrote the bookings (one per booking, or one per group-committed batch). */
  bookingTransactions: number;
}

/** Every client books as fast as it can, each attempt a different person and slot, until the attempts run out. */
export async function bookingBurst(baseUrl: string, databaseUrl: string, setup: BurstSetup, attempts: number, connections: number): Promise<BurstResult> {
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
        path: '/api/bookings',
        setupRequest: (request) => {
          const n = next++;
          const slotId = setup.slotIds[Math.floor(Math.random() * setup.slotIds.length)] ?? '';
          return {
            ...request,
            headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-forwarded-for': clientIp(n) },
            body: JSON.stringify({
              productId: setup.productId,
              doseKind: 'first',
              slotId,
              person: { givenName: 'Bench', familyName: `Person ${n}`, email: `person-${n}@bench.example`, birthDate: '1980-01-01' },
              captcha: captchas[n % captchas.length],
            }),
          };
        },
      },
    ],
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const overbooked = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM slot WHERE booked_first > capacity_first');
  const doubles = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM (SELECT person_id FROM booking WHERE status = 'active' GROUP BY person_id, product_id HAVING count(*) > 1) d",
  );
  const booked = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM appointment WHERE status = 'booked'");
  const counters = await client.query<{ n: number }>('SELECT coalesce(sum(booked_first), 0)::int AS n FROM slot');
  // A booking row is never updated in the burst, so its xmin is the transaction that wrote it.
  const transactions = await client.query<{ n: number }>('SELECT count(DISTINCT xmin::text)::int AS n FROM booking');
  await client.end();
  const sellOutSeconds = result.lastCreatedSeconds ?? 0;
  const created = result.statusCodes['201'] ?? 0;
  return {
    ...result,
    sellOutSeconds,
    committedPerSecond: sellOutSeconds > 0 ? Math.round(created / sellOutSeconds) : 0,
    attempts,
    places: setup.slotIds.length * setup.capacity,
    booked: booked.rows[0]?.n ?? 0,
    overbookedSlots: overbooked.rows[0]?.n ?? -1,
    doubleBookings: doubles.rows[0]?.n ?? -1,
    bookingTransactions: transactions.rows[0]?.n ?? 0,
    bookingsMatchingAnswers: (result.statusCodes['201'] ?? 0) === booked.rows[0]?.n && counters.rows[0]?.n === booked.rows[0]?.n,
  };
}
