import type { BookedAppointment } from '@vaccinate/api-contracts';
import { describe, expect, it } from 'vitest';
import { rebookWindow } from './rebook-availability';

const comirnaty = {
  primaryDoses: 2,
  followUpIntervals: [{ dose: 2, minDays: 21, recommendedDays: 21, maxDays: 42 }],
  boosterMinDaysAfterSeries: null,
  minAgeYears: 12,
  maxAgeYears: null,
};
const site = { id: 's1', name: 'Building 7', street: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin' };
const appointment = (id: string, doseNumber: number, date: string, status: BookedAppointment['status'] = 'booked'): BookedAppointment => ({
  id,
  doseNumber,
  doseKind: doseNumber === 1 ? 'first' : 'followUp',
  startsAt: `${date}T08:00:00Z`,
  endsAt: `${date}T08:10:00Z`,
  site,
  status,
});

describe('rebookWindow', () => {
  const first = appointment('a1', 1, '2027-01-04');
  const second = appointment('a2', 2, '2027-01-27');

  it('keeps a moved first dose early enough for the booked second dose', () => {
    // 2027-01-27 minus 42 and minus 21 days: no date after the second dose, none too close to it.
    expect(rebookWindow(comirnaty, first, [first, second], 'UTC')).toEqual({ earliest: '2026-12-16', latest: '2027-01-06' });
  });

  it('keeps a moved second dose inside its interval after the first', () => {
    expect(rebookWindow(comirnaty, second, [first, second], 'UTC')).toEqual({ earliest: '2027-01-25', recommended: '2027-01-25', latest: '2027-02-15' });
  });

  it('leaves a dose without booked neighbours free', () => {
    expect(rebookWindow(comirnaty, first, [first, appointment('a2', 2, '2027-01-27', 'cancelled')], 'UTC')).toBeNull();
  });
});
