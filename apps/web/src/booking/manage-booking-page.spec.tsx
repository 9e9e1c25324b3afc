import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { catalogue, managedBooking, slot } from '../test/booking-fixtures';
import { createFetchMock, jsonResponse, problemResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { ManageBookingPage } from './manage-booking-page';

const STORAGE_KEY = 'vaccinate.booking.manageToken';

describe('ManageBookingPage', () => {
  it('takes the token from the fragment, clears the address bar and sends it in a header only', async () => {
    window.history.replaceState(null, '', '/booking/manage#secret-token-42');
    const mock = createFetchMock({ 'GET /api/bookings/current': () => jsonResponse(managedBooking()) });
    renderWithTenant(<ManageBookingPage />, { fetch: mock.fetch });

    expect(await screen.findByTestId('booking-code')).toBeTruthy();
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/booking/manage');
    expect(window.sessionStorage.getItem(STORAGE_KEY)).toBe('secret-token-42');
    expect(mock.requests[0]?.headers['x-manage-token']).toBe('secret-token-42');
    expect(mock.requests.every((r) => !r.url.includes('secret-token-42'))).toBe(true);
    expect(document.title).not.toContain('Ada');
    expect(screen.getByRole('button', { name: 'Change appointment' })).toBeTruthy();
  });

  it('keeps working after a reload from the token kept in sessionStorage', async () => {
    window.sessionStorage.setItem(STORAGE_KEY, 'kept-token');
    window.history.replaceState(null, '', '/booking/manage');
    const mock = createFetchMock({ 'GET /api/bookings/current': () => jsonResponse(managedBooking()) });
    renderWithTenant(<ManageBookingPage />, { fetch: mock.fetch });

    await screen.findByTestId('booking-code');
    expect(mock.requests[0]?.headers['x-manage-token']).toBe('kept-token');
  });

  it('says clearly when the link is unknown or expired, and forgets the token', async () => {
    window.history.replaceState(null, '', '/booking/manage#expired');
    const mock = createFetchMock({ 'GET /api/bookings/current': () => problemResponse({ status: 404, code: 'booking.not_found' }) });
    renderWithTenant(<ManageBookingPage />, { fetch: mock.fetch });

    expect((await screen.findByRole('alert')).textContent).toContain('This link is not valid or has expired');
    expect(window.sessionStorage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('asks for the link when there is no token at all', () => {
    window.history.replaceState(null, '', '/booking/manage');
    renderWithTenant(<ManageBookingPage />, { fetch: createFetchMock({}).fetch });
    expect(screen.getByRole('alert').textContent).toContain('open the link from your confirmation e-mail');
  });

  it('cancels only after confirming', async () => {
    window.history.replaceState(null, '', '/booking/manage#token-9');
    const cancelled = managedBooking({
      status: 'cancelled',
      appointments: managedBooking().appointments.map((a) => ({ ...a, status: 'cancelled' as const })),
    });
    const mock = createFetchMock({
      'GET /api/bookings/current': () => jsonResponse(managedBooking()),
      'POST /api/bookings/current/cancel': () => jsonResponse(cancelled),
    });
    renderWithTenant(<ManageBookingPage />, { fetch: mock.fetch });

    await userEvent.click(await screen.findByRole('button', { name: 'Cancel booking' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel this booking?' });
    expect(document.activeElement?.textContent).toBe('Keep booking');
    expect(mock.requests.some((r) => r.url.endsWith('/cancel'))).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, cancel booking' }));

    expect(await screen.findByText('Your booking has been cancelled. You will receive an e-mail.')).toBeTruthy();
    expect(dialog.isConnected).toBe(false);
    expect(screen.queryByRole('button', { name: 'Cancel booking' })).toBeNull();
    await waitFor(() => expect(mock.requests.find((r) => r.url.endsWith('/cancel'))?.headers['x-manage-token']).toBe('token-9'));
  });

  it('moves the follow-up dose to a free time inside its interval', async () => {
    window.history.replaceState(null, '', '/booking/manage#token-5');
    const rebooked = managedBooking();
    const mock = createFetchMock({
      'GET /api/bookings/current': () => jsonResponse(managedBooking()),
      'GET /api/catalogue': () => jsonResponse(catalogue),
      'GET /api/availability': () =>
        jsonResponse({
          productId: 'prod-comirnaty',
          doseKind: 'followUp',
          days: [
            { dayId: 'too-early', date: '2026-06-10', siteId: 'site-hq', slots: [slot('early', '2026-06-10', '09:00', 4)] },
            { dayId: 'in-window', date: '2026-06-30', siteId: 'site-hq', slots: [slot('s-30', '2026-06-30', '09:00', 4)] },
          ],
        }),
      'POST /api/bookings/current/rebook': () => jsonResponse(rebooked),
    });
    renderWithTenant(<ManageBookingPage />, { fetch: mock.fetch });

    await userEvent.click(await screen.findByRole('button', { name: 'Change appointment' }));
    await userEvent.click(screen.getByRole('radio', { name: /Dose 2/ }));
    expect(await screen.findByText(/Only dates that keep every dose of your series/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Wed, Jun 10/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /09:00/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm new time' }));

    expect(await screen.findByText('Your appointment has been changed. You will receive an e-mail.')).toBeTruthy();
    const rebook = mock.requests.find((r) => r.url.endsWith('/rebook'));
    expect(rebook?.body).toEqual({ appointmentId: 'appt-2', slotId: 's-30' });
    expect(mock.requests.find((r) => r.url.startsWith('/api/availability'))?.url).toBe('/api/availability?productId=prod-comirnaty&doseKind=followUp');
  });

  it('saves the language of the mails as soon as it is chosen, with the token in a header, and says so in that language', async () => {
    window.history.replaceState(null, '', '/booking/manage#token-lang');
    const mock = createFetchMock({
      'GET /api/bookings/current': () => jsonResponse(managedBooking({ locale: 'en' })),
      'PUT /api/bookings/current/locale': () => jsonResponse(managedBooking({ locale: 'de' })),
    });
    renderWithTenant(<ManageBookingPage />, { fetch: mock.fetch });
    const select = await screen.findByLabelText('Language of your e-mails');
    await userEvent.selectOptions(select, 'de');

    const saved = await screen.findByText('Ihre E-Mails kommen ab jetzt auf Deutsch.');
    expect(saved.getAttribute('lang')).toBe('de');
    const change = mock.requests.find((request) => request.method === 'PUT');
    expect(change?.body).toEqual({ locale: 'de' });
    expect(change?.headers['x-manage-token']).toBe('token-lang');
    expect((select as HTMLSelectElement).value).toBe('de');
  });
});
