import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeChallenge } from '../test/booking-fixtures';
import { createFetchMock, jsonResponse, problemResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { acme } from '../test/tenant-fixtures';
import { RegistrationPage } from './registration-page';

function openForm(tenant = acme) {
  const mock = createFetchMock({
    'GET /api/catalogue': () => jsonResponse({ products: [], sites: [{ id: 's1', name: 'Werk Nord' }], timeZone: 'Europe/Berlin' }),
    'GET /api/captcha/challenge': () => problemResponse({ status: 503, code: 'http.unavailable' }),
    'POST /api/registrations': () => jsonResponse({ trackingCode: 'R7KQ-4M2X-DZ' }, 202),
  });
  renderWithTenant(<RegistrationPage />, { fetch: mock.fetch, tenant });
  return mock;
}

describe('waiting-list registration form', () => {
  it('marks missing and malformed details under their fields in the reader’s language, and sends nothing', async () => {
    const mock = openForm();
    await userEvent.type(await screen.findByLabelText('E-mail'), 'not an address');
    await userEvent.click(screen.getByRole('button', { name: 'Join the waiting list' }));
    expect(screen.getByRole('alert').textContent).toContain('Please correct the marked fields.');
    expect(screen.getAllByText('Please fill in this field.')).toHaveLength(3); // given name, family name, birth date
    expect(screen.getByText('Please enter an e-mail address such as name@example.com.')).toBeTruthy();
    expect(mock.requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it('checks with the API’s own contract: a birth date in the future and a malformed phone are marked before anything is sent', async () => {
    const mock = openForm();
    await userEvent.type(await screen.findByLabelText('Given name'), 'Ada');
    await userEvent.type(screen.getByLabelText('Family name'), 'Lovelace');
    await userEvent.type(screen.getByLabelText('E-mail'), 'ada@example.org');
    await userEvent.type(screen.getByLabelText('Date of birth'), '2999-01-01');
    const phone = screen.getByLabelText(/Phone/);
    expect([phone.getAttribute('type'), phone.getAttribute('autocomplete')]).toEqual(['tel', 'tel']);
    await userEvent.type(phone, 'call me');
    await userEvent.click(screen.getByRole('button', { name: 'Join the waiting list' }));
    expect(screen.getByText('Please enter a birth date: not in the future, not before 1900.')).toBeTruthy();
    expect(screen.getByText('Please enter a phone number that exists, with its country code (e.g. +49 …) when it is not a number from Germany.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Date of birth')); // the first marked field
    expect(screen.queryByText('Please fill in this field.')).toBeNull();
    expect(mock.requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it("reads a number without country code in the tenant's country, and names that country when it refuses one", async () => {
    const mock = openForm({ ...acme, phoneRegion: 'CH' });
    await userEvent.type(await screen.findByLabelText('Given name'), 'Ada');
    await userEvent.type(screen.getByLabelText('Family name'), 'Lovelace');
    await userEvent.type(screen.getByLabelText('E-mail'), 'ada@example.org');
    await userEvent.type(screen.getByLabelText('Date of birth'), '1980-05-17');
    const phone = screen.getByLabelText(/Phone/);
    await userEvent.type(phone, '0664 1234567'); // Austrian, no Swiss number
    await userEvent.click(screen.getByRole('button', { name: 'Join the waiting list' }));
    expect(screen.getByText('Please enter a phone number that exists, with its country code (e.g. +41 …) when it is not a number from Switzerland.')).toBeTruthy();
    expect(mock.requests.some((request) => request.method === 'POST')).toBe(false);

    await userEvent.clear(phone);
    await userEvent.type(phone, '079 123 45 67');
    await userEvent.click(screen.getByRole('button', { name: 'Join the waiting list' }));
    await waitFor(() => expect(screen.queryByText(/when it is not a number from Switzerland/)).toBeNull());
    expect(phone.getAttribute('aria-invalid')).toBeNull();
  });

  it('offers standby on the receipt with the new tracking code and birth date, and marks a refused phone number at its field in the reader’s words', async () => {
    const mock = createFetchMock({
      'GET /api/catalogue': () => jsonResponse({ products: [], sites: [{ id: 's1', name: 'Werk Nord' }], timeZone: 'Europe/Berlin' }),
      'GET /api/captcha/challenge': () => jsonResponse(makeChallenge(3, 20)),
      'POST /api/registrations': () => jsonResponse({ trackingCode: 'R7KQ-4M2X-DZ', statusUrl: 'http://acme.localhost/registration/status#R7KQ-4M2X-DZ' }, 202),
      'POST /api/standby/members': () =>
        problemResponse({
          status: 400,
          code: 'validation.failed',
          errors: [{ field: 'phone', message: 'must be a phone number that exists', rule: 'format:phone-e164' }],
        }),
    });
    renderWithTenant(<RegistrationPage />, { fetch: mock.fetch });
    await userEvent.type(await screen.findByLabelText('Given name'), 'Ada');
    await userEvent.type(screen.getByLabelText('Family name'), 'Lovelace');
    await userEvent.type(screen.getByLabelText('E-mail'), 'ada@example.org');
    await userEvent.type(screen.getByLabelText('Date of birth'), '1980-05-17');
    await userEvent.click(screen.getByRole('button', { name: 'Join the waiting list' }));
    expect(await screen.findByTestId('tracking-code')).toBeTruthy();

    await userEvent.click(await screen.findByRole('button', { name: 'Join standby' }));
    const phone = await screen.findByLabelText(/Mobile number/);
    await screen.findByText('Please enter a phone number that exists, with its country code (e.g. +49 …) when it is not a number from Germany.');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(phone);
    expect(document.body.textContent).not.toContain('must be a phone number that exists');
    const optIn = mock.requests.find((request) => request.url === '/api/standby/members');
    expect(optIn?.body).toMatchObject({ trackingCode: 'R7KQ-4M2X-DZ', birthDate: '1980-05-17' });
  });
});
