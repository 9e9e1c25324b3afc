import type { Site, VaccinationDay } from '@vaccinate/api-contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../test/booking-fixtures';
import { createFetchMock, jsonResponse, problemResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { doctor } from '../test/staff-fixtures';
import { groupBySlot } from './day-appointment-groups';
import type { DayAppointment } from './day-appointments-api';
import { DayPage } from './day-page';

const site: Site = { id: 'site-hq', name: 'Head office', street: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', openingHours: '', stations: 2, version: 1 };
// UTC instants: 06:00Z is 08:00 in Berlin in June, whatever zone the test machine is in.
const day: VaccinationDay = {
  id: 'day-1',
  siteId: site.id,
  date: '2026-06-01',
  opensAt: '08:00',
  closesAt: '08:20',
  slotMinutes: 10,
  status: 'scheduled',
  productIds: ['prod-comirnaty'],
  lots: [{ lotId: 'lot-1', doses: 6 }],
  dosesCap: 6,
  dosesBooked: 3,
  slots: [
    {
      id: 's1',
      startsAt: '2026-06-01T06:00:00Z',
      endsAt: '2026-06-01T06:10:00Z',
      capacity: { first: 2, followUp: 1, booster: 0 },
      booked: { first: 2, followUp: 0, booster: 0 },
    },
    {
      id: 's2',
      startsAt: '2026-06-01T06:10:00Z',
      endsAt: '2026-06-01T06:20:00Z',
      capacity: { first: 2, followUp: 1, booster: 0 },
      booked: { first: 0, followUp: 1, booster: 0 },
    },
  ],
  version: 3,
};

function appointment(id: string, startsAt: string, givenName: string, familyName: string, status: DayAppointment['status'] = 'booked'): DayAppointment {
  const start = new Date(startsAt);
  return {
    appointmentId: id,
    bookingCode: `CODE-${id}`,
    startsAt,
    endsAt: new Date(start.getTime() + 10 * 60_000).toISOString(),
    doseKind: 'first',
    doseNumber: 1,
    productName: 'Comirnaty',
    status,
    person: { givenName, familyName, birthDate: '1990-12-10' },
  };
}

const appointments = [
  appointment('a3', '2026-06-01T06:10:00Z', 'Grace', 'Hopper'),
  appointment('a2', '2026-06-01T06:00:00Z', 'Konrad', 'Zuse', 'cancelled'),
  appointment('a1', '2026-06-01T06:00:00Z', 'Ada', 'Lovelace'),
  appointment('a4', '2026-06-01T06:00:00.000+00:00', 'Alan', 'Turing'),
];

function renderDay(answer: () => Response) {
  const mock = createFetchMock({
    'GET /api/vaccination-days/day-1': () => jsonResponse(day),
    'GET /api/vaccination-days/day-1/appointments': answer,
    'GET /api/sites': () => jsonResponse([site]),
    'GET /api/lots': () => jsonResponse([]),
    'GET /api/catalogue': () => jsonResponse({ ...catalogue, timeZone: 'Europe/Berlin' }),
  });
  renderWithTenant(<DayPage id="day-1" staff={doctor} />, { fetch: mock.fetch });
  return mock;
}

describe('bookings of a vaccination day', () => {
  it('groups them by slot in the tenant zone, counts each status and mutes the cancelled ones', async () => {
    const mock = renderDay(() => jsonResponse(appointments));
    const table = await screen.findByRole('table', { name: 'Bookings' });

    const groups = within(table).getAllByRole('rowgroup').slice(1); // the first is the header
    expect(groups.map((group) => within(group).getAllByRole('rowheader')[0]?.textContent)).toEqual([
      '08:00–08:10 2 booked · 1 cancelled',
      '08:10–08:20 1 booked · 0 cancelled',
    ]);
    // Booked people first, by family name; the cancelled one last.
    const firstSlot = within(groups[0] as HTMLElement)
      .getAllByRole('row')
      .slice(1);
    expect(firstSlot.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Lovelace, Ada', 'Turing, Alan', 'Zuse, Konrad']);
    expect(firstSlot.map((row) => row.className)).toEqual(['', '', 'table__row--muted']);
    expect(within(firstSlot[2] as HTMLElement).getByText('Cancelled')).toBeTruthy();
    expect(within(firstSlot[0] as HTMLElement).getByText('Dose 1 · First dose')).toBeTruthy();
    expect(within(firstSlot[0] as HTMLElement).getByText('CODE-a1')).toBeTruthy();

    expect(screen.getByTestId('day-appointment-counts').textContent).toBe('3 booked · 1 cancelled');
    // The slot table uses the same zone.
    expect(screen.getByRole('rowheader', { name: '08:00–08:10' })).toBeTruthy();
    // Names stay in the page: not in the title, not in any request.
    expect(document.title).not.toMatch(/Lovelace|Zuse/);
    expect(window.location.href).not.toMatch(/Lovelace|Zuse/);
    expect(mock.requests.map((r) => r.url)).toContain('/api/vaccination-days/day-1/appointments');
  });

  it('says when nobody has booked yet', async () => {
    renderDay(() => jsonResponse([]));
    expect(await screen.findByText('Nobody has booked this day yet.')).toBeTruthy();
  });

  it('shows a failure with a retry that loads the list', async () => {
    let calls = 0;
    renderDay(() => (++calls === 1 ? problemResponse({ status: 503, code: 'http.503' }) : jsonResponse(appointments.slice(0, 1))));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong on our side');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('rowheader', { name: 'Hopper, Grace' })).toBeTruthy();
  });
});

describe('groupBySlot', () => {
  it('orders slots by time and keeps each status count', () => {
    const groups = groupBySlot(appointments);
    expect(groups.map((group) => [group.startsAt, group.counts])).toEqual([
      ['2026-06-01T06:00:00Z', { booked: 2, cancelled: 1 }],
      ['2026-06-01T06:10:00Z', { booked: 1, cancelled: 0 }],
    ]);
  });
});
