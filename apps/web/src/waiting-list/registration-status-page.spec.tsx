import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFetchMock, jsonResponse, problemResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { RegistrationStatusPage } from './registration-status-page';

function openStatus(answer: () => Response, withdraw: () => Response = () => jsonResponse({ status: 'withdrawn' })) {
  window.history.replaceState(null, '', '/registration/status#R7KQ-4M2X-DZ');
  const mock = createFetchMock({
    'POST /api/registrations/status': answer,
    'POST /api/registrations/withdraw': withdraw,
    'GET /api/catalogue': () => jsonResponse({ products: [], sites: [{ id: 's1', name: 'Werk Nord' }], timeZone: 'Europe/Berlin' }),
    'GET /api/captcha/challenge': () => problemResponse({ status: 503, code: 'http.unavailable' }),
  });
  renderWithTenant(<RegistrationStatusPage />, { fetch: mock.fetch });
  return mock;
}

async function lookUp() {
  await userEvent.type(screen.getByLabelText('Date of birth'), '1980-05-17');
  await userEvent.click(screen.getByRole('button', { name: 'Show status' }));
}

describe('registration status page', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('takes the tracking code from the fragment, sends it with the birth date in the body, and shows group and place', async () => {
    const mock = openStatus(() =>
      jsonResponse({
        trackingCode: 'R7KQ-4M2X-DZ',
        status: 'queued',
        registeredAt: '2026-11-20T08:00:00Z',
        group: { rank: 2, name: { de: 'Schichtarbeit', en: 'Shift work' } },
        ahead: 41,
        position: 42,
        appointments: [],
        offer: null,
      }),
    );
    await lookUp();
    expect(await screen.findByText('Shift work')).toBeTruthy();
    expect(screen.getByText('about 42')).toBeTruthy();
    const request = mock.requests.find((r) => r.url === '/api/registrations/status');
    expect(request?.body).toEqual({ trackingCode: 'R7KQ-4M2X-DZ', birthDate: '1980-05-17' });
    expect(mock.requests.every((r) => !r.url.includes('R7KQ') && !r.url.includes('1980'))).toBe(true);
    expect(screen.getByRole('heading', { name: 'Standby for spare doses' })).toBeTruthy();
  });

  it('says so when nothing matches, without telling which part was wrong', async () => {
    openStatus(() => problemResponse({ status: 404, code: 'registration.not_found', detail: 'No registration matches this tracking code and birth date.' }));
    await lookUp();
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be found|No registration matches/);
  });

  it('leaves the waiting list after a second confirmation, and says so when there is a booking already', async () => {
    const queued = {
      trackingCode: 'R7KQ-4M2X-DZ',
      status: 'queued',
      registeredAt: '2026-11-20T08:00:00Z',
      group: null,
      ahead: 3,
      position: 4,
      appointments: [],
      offer: null,
    };
    const mock = openStatus(() => jsonResponse(queued));
    await lookUp();
    await userEvent.click(await screen.findByRole('button', { name: 'Leave the waiting list' }));
    expect(mock.requests.some((r) => r.url === '/api/registrations/withdraw')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, leave the waiting list' }));
    expect(await screen.findByRole('heading', { name: 'Withdrawn' })).toBeTruthy();
    expect(mock.requests.find((r) => r.url === '/api/registrations/withdraw')?.body).toEqual({ trackingCode: 'R7KQ-4M2X-DZ', birthDate: '1980-05-17' });
  });

  it('explains a refused withdrawal when an appointment is booked', async () => {
    openStatus(
      () =>
        jsonResponse({
          trackingCode: 'R7KQ-4M2X-DZ',
          status: 'queued',
          registeredAt: '2026-11-20T08:00:00Z',
          group: null,
          ahead: 0,
          position: 1,
          appointments: [],
          offer: null,
        }),
      () => problemResponse({ status: 409, code: 'registration.already_booked' }),
    );
    await lookUp();
    await userEvent.click(await screen.findByRole('button', { name: 'Leave the waiting list' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, leave the waiting list' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Cancel it with the link in your booking e-mail');
  });
});
