import type { Availability } from '@vaccinate/api-contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { catalogue, confirmation, jcovden, makeChallenge, managedBooking } from '../test/booking-fixtures';
import { createFetchMock, jsonResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { BookingJourney } from './booking-journey';
import { ManageBookingPage } from './manage-booking-page';

// UTC instants, so the expected Berlin times hold on any test machine.
const decemberAvailability: Availability = {
  productId: jcovden.id,
  doseKind: 'first',
  days: [
    {
      dayId: 'day-dec',
      date: '2026-12-01',
      siteId: 'site-hq',
      slots: [{ slotId: 'slot-dec', startsAt: '2026-12-01T07:00:00Z', endsAt: '2026-12-01T07:10:00Z', free: 2 }],
    },
  ],
};

function renderJourney(settings: Record<string, unknown>) {
  const mock = createFetchMock({
    'GET /api/catalogue': () => jsonResponse({ ...catalogue, ...settings }),
    'GET /api/availability': () => jsonResponse(decemberAvailability),
    'GET /api/captcha/challenge': () => jsonResponse(makeChallenge(3, 20)),
    'POST /api/bookings': () => jsonResponse(confirmation(), 201),
  });
  renderWithTenant(<BookingJourney />, { fetch: mock.fetch });
  return mock;
}

async function chooseDecemberTime() {
  await userEvent.click(await screen.findByRole('button', { name: 'Jcovden' }));
  await userEvent.click(screen.getByRole('radio', { name: 'First dose' }));
  const times = await screen.findByRole('group', { name: /^Times on Tuesday, December 1, 2026/ });
  await userEvent.click(within(times).getByRole('button', { name: /^08:00/ }));
}

async function fillRequiredDetails() {
  await userEvent.type(await screen.findByLabelText('Given name'), 'Ada');
  await userEvent.type(screen.getByLabelText('Family name'), 'Lovelace');
  await userEvent.type(screen.getByLabelText('E-mail'), 'ada@acme.example');
  fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value: '1990-12-10' } });
}

const bookings = (mock: ReturnType<typeof createFetchMock>) => mock.requests.filter((r) => r.url === '/api/bookings');

describe('tenant settings in the booking journey', () => {
  it('requires the employee number when the tenant asks for it', async () => {
    const mock = renderJourney({ requireEmployeeNumber: true, timeZone: 'Europe/Berlin' });
    await chooseDecemberTime();
    await fillRequiredDetails();

    const field = screen.getByLabelText('Employee number');
    expect(screen.queryByLabelText('Employee number (optional)')).toBeNull();
    expect(field.hasAttribute('required')).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Please fill in this field.');
    expect(document.activeElement).toBe(field);
    expect(bookings(mock)).toHaveLength(0);

    await userEvent.type(field, 'E-1815');
    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));
    expect(await screen.findByTestId('booking-code')).toBeTruthy();
    expect(bookings(mock)[0]?.body).toMatchObject({ person: { employeeNumber: 'E-1815' } });
  });

  it('keeps the employee number optional unless the flag is exactly true', async () => {
    const mock = renderJourney({ requireEmployeeNumber: 'yes', timeZone: 'Europe/Berlin' });
    await chooseDecemberTime();
    await fillRequiredDetails();
    const field = screen.getByLabelText('Employee number (optional)');
    expect(field.hasAttribute('required')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));
    expect(await screen.findByTestId('booking-code')).toBeTruthy();
    expect(bookings(mock)[0]?.body).not.toHaveProperty('person.employeeNumber');
  });

  it('shows the times of the journey in the tenant zone', async () => {
    renderJourney({ timeZone: 'Europe/Berlin' });
    await chooseDecemberTime();
    const summary = screen.getByRole('heading', { name: 'Your appointments' }).nextElementSibling as HTMLElement;
    expect(within(summary).getByRole('listitem').textContent).toContain('Tuesday, December 1, 2026, 08:00–08:10');
  });

  it('shows the manage page times in the tenant zone', async () => {
    window.history.replaceState(null, '', '/booking/manage#token-tz');
    const site = confirmation().appointments[0]?.site;
    if (!site) throw new Error('fixture site missing');
    const booking = managedBooking({
      appointments: [{ id: 'appt-1', doseNumber: 1, doseKind: 'first', startsAt: '2026-12-01T07:00:00Z', endsAt: '2026-12-01T07:10:00Z', site, status: 'booked' }],
    });
    const mock = createFetchMock({
      'GET /api/bookings/current': () => jsonResponse(booking),
      'GET /api/catalogue': () => jsonResponse({ ...catalogue, timeZone: 'Europe/Berlin' }),
    });
    renderWithTenant(<ManageBookingPage />, { fetch: mock.fetch });

    expect((await screen.findByText(/December 1, 2026/)).textContent).toBe('Tuesday, December 1, 2026, 08:00–08:10');
    expect(mock.requests[0]?.url).toBe('/api/bookings/current');
  });
});
