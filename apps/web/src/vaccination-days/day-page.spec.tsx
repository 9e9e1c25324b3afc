import type { Site, VaccinationDay } from '@vaccinate/api-contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFetchMock, jsonResponse, problemResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { doctor } from '../test/staff-fixtures';
import { DayCreatePage } from './day-create-page';
import { DayPage } from './day-page';

const site: Site = { id: 'site-hq', name: 'Head office', street: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', openingHours: '', stations: 2, version: 1 };
const slotAt = (id: string, time: string, booked: number) => ({
  id,
  startsAt: new Date(`2026-06-01T${time}:00`).toISOString(),
  endsAt: new Date(`2026-06-01T${time.slice(0, 3)}10:00`).toISOString(),
  capacity: { first: 2, followUp: 2, booster: 0 },
  booked: { first: booked, followUp: 1, booster: 0 },
});
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
  dosesBooked: 5,
  slots: [slotAt('s1', '08:00', 2), slotAt('s2', '08:10', 1)],
  version: 3,
};

function renderDay(routes: Parameters<typeof createFetchMock>[0] = {}) {
  const mock = createFetchMock({
    'GET /api/vaccination-days/day-1': () => jsonResponse(day),
    'GET /api/sites': () => jsonResponse([site]),
    'GET /api/lots': () => jsonResponse([]),
    'GET /api/vaccination-days/day-1/appointments': () => jsonResponse([]),
    ...routes,
  });
  renderWithTenant(<DayPage id="day-1" staff={doctor} />, { fetch: mock.fetch });
  return mock;
}

describe('vaccination day view', () => {
  it('shows each slot per dose kind with totals and the dose cap', async () => {
    renderDay();
    const table = await screen.findByRole('table', { name: 'Booked / places per slot and dose kind' });
    const footer = within(table).getByRole('rowheader', { name: 'Total' }).closest('tr') as HTMLElement;
    expect(
      within(footer)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['3 / 4', '2 / 4', '0 / 0', '5 / 8']);
    expect(screen.getByText('5 of 6')).toBeTruthy();
  });

  it('shows why lowering the places below the bookings is refused', async () => {
    const mock = renderDay({
      'PATCH /api/vaccination-days/day-1': () =>
        problemResponse({
          status: 409,
          code: 'day.capacity_below_booked',
          detail: 'The slot at 08:00 already has 2 first-dose bookings.',
        }),
    });
    const first = await screen.findByRole('spinbutton', { name: 'First dose' });
    await userEvent.clear(first);
    await userEvent.type(first, '1');
    await userEvent.click(screen.getByRole('button', { name: 'Change places per slot' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(/^Some times already have more bookings than the new number of places/);
    expect(mock.requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      capacityPerSlot: { first: 1, followUp: 2, booster: 0 },
      version: 3,
    });
  });

  it('cancels the day only after a confirmation that names the notified people', async () => {
    const mock = renderDay({ 'POST /api/vaccination-days/day-1/cancel': () => jsonResponse({ day: { ...day, status: 'cancelled', version: 4 }, bookingsNotified: 5 }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel day' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel this vaccination day?' });
    expect(dialog.textContent).toContain('All 5 bookings are cancelled and every booked person is notified by e-mail.');
    expect(mock.requests.some((r) => r.url.endsWith('/cancel'))).toBe(false);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, cancel the day' }));
    expect(await screen.findByText('The day has been cancelled and every booked person is being notified.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Change places per slot' })).toBeNull();
  });
});

describe('plan a vaccination day', () => {
  it('marks the invalid fields and sends nothing', async () => {
    const mock = createFetchMock({
      'GET /api/sites': () => jsonResponse([site]),
      'GET /api/lots': () => jsonResponse([]),
      'GET /api/vaccines': () => jsonResponse([]),
    });
    renderWithTenant(<DayCreatePage />, { fetch: mock.fetch });

    await userEvent.click(await screen.findByRole('button', { name: 'Plan a day' }));

    const siteSelect = screen.getByRole('combobox', { name: 'Site' });
    expect(siteSelect.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(siteSelect);
    expect(screen.getByText('Assign at least one lot.')).toBeTruthy();
    expect(mock.requests.some((r) => r.method === 'POST')).toBe(false);
  });
});
