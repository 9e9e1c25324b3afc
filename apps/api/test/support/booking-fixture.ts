import type { BookingConfirmation, CreateBookingRequest, Lot, Site, VaccinationDay, VaccineProduct } from '@vaccinate/api-contracts';
import { randomUUID } from 'node:crypto';
import { solveChallenge } from 'altcha-lib/v1';
import { postJson, type RunningApi } from './tenant-fixture';

export const COMIRNATY = {
  name: 'Comirnaty',
  manufacturer: 'BioNTech Manufacturing GmbH',
  euProductCode: 'EU/1/20/1528',
  marketingAuthorisationHolder: 'ORG-100030215',
  prophylaxisCode: 'J07BN01',
  primaryDoses: 2,
  followUpIntervals: [{ dose: 2, minDays: 21, recommendedDays: 21, maxDays: 42 }],
  boosterMinDaysAfterSeries: 90,
  minAgeYears: 12,
  maxAgeYears: null,
  active: true,
};

export const JCOVDEN = {
  ...COMIRNATY,
  name: 'Jcovden',
  manufacturer: 'Janssen-Cilag International',
  euProductCode: 'EU/1/20/1525',
  marketingAuthorisationHolder: 'ORG-100001417',
  primaryDoses: 1,
  followUpIntervals: [],
  minAgeYears: 18,
};

/** An ISO date `days` from today (UTC is close enough for test fixtures days ahead). */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A solved ALTCHA challenge from the API, as the booking page sends it. */
export async function captchaSolution(api: RunningApi, clientIp = randomClientIp()): Promise<string> {
  const challenge = (await (await api.request('/api/captcha/challenge', { headers: { 'x-forwarded-for': clientIp } })).json()) as {
    algorithm: string;
    challenge: string;
    maxnumber: number;
    salt: string;
    signature: string;
  };
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  if (!solution) throw new Error('challenge not solvable');
  return Buffer.from(
    JSON.stringify({ algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt, signature: challenge.signature }),
  ).toString('base64');
}

export interface Catalogue {
  site: Site;
  otherSite: Site;
  comirnaty: VaccineProduct;
  jcovden: VaccineProduct;
  comirnatyLot: Lot;
  jcovdenLot: Lot;
}

export async function createCatalogue(api: RunningApi, doctor: string, lotDoses = 500): Promise<Catalogue> {
  const site = { name: 'Werksarzt Gebäude 7', street: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', openingHours: 'Mo–Fr 8–16', stations: 2 };
  const comirnaty = await postJson<VaccineProduct>(api, '/api/vaccines', COMIRNATY, doctor);
  const jcovden = await postJson<VaccineProduct>(api, '/api/vaccines', JCOVDEN, doctor);
  const lot = (product: VaccineProduct, prefix: string) =>
    postJson<Lot>(
      api,
      '/api/lots',
      { productId: product.id, lotNumber: `${prefix}${randomUUID().slice(0, 8)}`, expiryDate: inDays(365), dosesReceived: lotDoses },
      doctor,
    );
  return {
    site: await postJson<Site>(api, '/api/sites', site, doctor),
    otherSite: await postJson<Site>(api, '/api/sites', { ...site, name: 'Werk Süd', city: 'Potsdam' }, doctor),
    comirnaty,
    jcovden,
    comirnatyLot: await lot(comirnaty, 'FH'),
    jcovdenLot: await lot(jcovden, 'JJ'),
  };
}

export async function createDay(
  api: RunningApi,
  doctor: string,
  input: {
    siteId: string;
    date: string;
    lots: { lotId: string; doses: number }[];
    capacity?: { first: number; followUp: number; booster: number };
    opensAt?: string;
    closesAt?: string;
  },
): Promise<VaccinationDay> {
  return postJson<VaccinationDay>(
    api,
    '/api/vaccination-days',
    {
      siteId: input.siteId,
      date: input.date,
      opensAt: input.opensAt ?? '08:00',
      closesAt: input.closesAt ?? '09:00',
      slotMinutes: 15,
      capacityPerSlot: input.capacity ?? { first: 2, followUp: 2, booster: 1 },
      lots: input.lots,
    },
    doctor,
  );
}

/** The API trusts the proxy's X-Forwarded-For (TRUST_PROXY); each simulated visitor gets an address of its own. */
export function randomClientIp(): string {
  const octet = () => Math.floor(Math.random() * 250) + 1;
  return `198.51.${octet()}.${octet()}`;
}

let people = 0;
export function person(overrides: Partial<CreateBookingRequest['person']> = {}): CreateBookingRequest['person'] {
  people += 1;
  return { givenName: 'Erika', familyName: 'Mustermann', email: `erika.${people}.${randomUUID().slice(0, 8)}@acme.example`, birthDate: '1980-05-17', ...overrides };
}

export async function book(
  api: RunningApi,
  request: Omit<CreateBookingRequest, 'captcha'> & { captcha?: string },
  idempotencyKey: string = randomUUID(),
  clientIp: string = randomClientIp(),
): Promise<{ status: number; body: BookingConfirmation & { code?: string; errors?: unknown[] } }> {
  const captcha = request.captcha ?? (await captchaSolution(api, clientIp));
  const response = await api.request('/api/bookings', {
    body: { ...request, captcha },
    headers: { 'idempotency-key': idempotencyKey, 'x-forwarded-for': clientIp },
  });
  return { status: response.status, body: (await response.json()) as BookingConfirmation & { code?: string } };
}
