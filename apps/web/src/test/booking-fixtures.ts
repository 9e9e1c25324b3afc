import type { Availability, BookingConfirmation, FollowUpAvailability, ManagedBooking, PublicCatalogue } from '@vaccinate/api-contracts';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { AltchaChallenge } from '../captcha/altcha';

export const comirnaty: PublicCatalogue['products'][number] = {
  id: 'prod-comirnaty',
  name: 'Comirnaty',
  manufacturer: 'BioNTech',
  primaryDoses: 2,
  followUpIntervals: [{ dose: 2, minDays: 21, recommendedDays: 21, maxDays: 42 }],
  minAgeYears: 12,
  maxAgeYears: null,
};

export const jcovden: PublicCatalogue['products'][number] = {
  id: 'prod-jcovden',
  name: 'Jcovden',
  manufacturer: 'Janssen',
  primaryDoses: 1,
  followUpIntervals: [],
  minAgeYears: 18,
  maxAgeYears: null,
};

export const headOffice = {
  id: 'site-hq',
  name: 'Head office',
  street: 'Hauptstraße 1',
  postalCode: '10115',
  city: 'Berlin',
  openingHours: 'Mon–Fri 08:00–16:00',
};

export const catalogue: PublicCatalogue = { products: [comirnaty, jcovden], sites: [headOffice] };

/** Local wall-clock times, so the test reads the same in every time zone. */
function at(date: string, time: string): string {
  return new Date(`${date}T${time}:00`).toISOString();
}

export function slot(id: string, date: string, time: string, free: number) {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const end = `${String(hours).padStart(2, '0')}:${String(minutes + 10).padStart(2, '0')}`;
  return { slotId: id, startsAt: at(date, time), endsAt: at(date, end), free };
}

export const firstDoseAvailability: Availability = {
  productId: comirnaty.id,
  doseKind: 'first',
  days: [
    {
      dayId: 'day-1',
      date: '2026-06-01',
      siteId: headOffice.id,
      slots: [slot('slot-0800', '2026-06-01', '08:00', 3), slot('slot-0810', '2026-06-01', '08:10', 0)],
    },
  ],
};

export const followUpAvailability: FollowUpAvailability = {
  window: { earliest: '2026-06-22', recommended: '2026-06-22', latest: '2026-07-13' },
  days: [
    {
      dayId: 'day-22',
      date: '2026-06-22',
      siteId: headOffice.id,
      slots: [slot('slot-22-0800', '2026-06-22', '08:00', 0), slot('slot-22-0810', '2026-06-22', '08:10', 2)],
    },
  ],
};

export function confirmation(): BookingConfirmation {
  const site = { id: headOffice.id, name: headOffice.name, street: headOffice.street, postalCode: headOffice.postalCode, city: headOffice.city };
  return {
    bookingCode: 'K7Q-4M2P',
    manageToken: 'manage-token-1',
    product: { id: comirnaty.id, name: comirnaty.name },
    appointments: [
      { id: 'appt-1', doseNumber: 1, doseKind: 'first', ...times(firstDoseAvailability.days[0]?.slots[0]), site, status: 'booked' },
      { id: 'appt-2', doseNumber: 2, doseKind: 'followUp', ...times(followUpAvailability.days[0]?.slots[1]), site, status: 'booked' },
    ],
  };
}

function times(source: { startsAt: string; endsAt: string } | undefined) {
  if (!source) throw new Error('fixture slot missing');
  return { startsAt: source.startsAt, endsAt: source.endsAt };
}

export function managedBooking(overrides: Partial<ManagedBooking> = {}): ManagedBooking {
  const { bookingCode, product, appointments } = confirmation();
  return { bookingCode, product, appointments, status: 'active', givenName: 'Ada', locale: 'en', ...overrides };
}

/** A real ALTCHA challenge as the API makes one: sha256(salt + number), signed with HMAC-SHA256. */
export function makeChallenge(number: number, maxnumber = 1_000, hmacKey = 'test-hmac-key'): AltchaChallenge {
  const salt = `${randomBytes(12).toString('hex')}?expires=${Math.floor(Date.now() / 1000) + 600}`;
  const challenge = createHash('sha256').update(`${salt}${number}`).digest('hex');
  const signature = createHmac('sha256', hmacKey).update(challenge).digest('hex');
  return { provider: 'altcha', algorithm: 'SHA-256', challenge, maxnumber, salt, signature };
}
