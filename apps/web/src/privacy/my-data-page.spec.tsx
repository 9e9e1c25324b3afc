import type { PersonExport } from '@vaccinate/api-contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFetchMock, jsonResponse, problemResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { MyDataPage } from './my-data-page';
import { tokenFromFragment } from './my-data-api';

const TOKEN = 'a'.repeat(43);
const exported: PersonExport = {
  exportedAt: '2026-12-02T10:00:00.000Z',
  profile: {
    id: 'p-1',
    givenName: 'Ada',
    familyName: 'Lovelace',
    email: 'ada@acme.example',
    birthDate: '1990-12-10',
    phone: null,
    employeeNumber: null,
    locale: 'en',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
  revisions: [],
  bookings: [],
  registrations: [],
  standby: [],
  visits: [],
  vaccinations: [],
  certificates: [],
  mails: [{ kind: 'mail:booking-confirmation', status: 'sent', queuedAt: '2026-01-01T00:00:00.000Z', sentAt: null }],
  accessLog: [{ occurredAt: '2026-01-02T00:00:00.000Z', actor: 'staff-1', actorKind: 'staff', action: 'person.read', clientNetwork: '203.0.113.0/24' }],
};

afterEach(() => window.history.replaceState(null, '', '/'));

describe('my data', () => {
  it('reads the token only from the fragment', () => {
    expect(tokenFromFragment(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromFragment('#token=short')).toBeNull();
    expect(tokenFromFragment('')).toBeNull();
  });

  it('opens the mailed link only on a click, then shows every section', async () => {
    window.history.replaceState(null, '', `/my-data#token=${TOKEN}`);
    const mock = createFetchMock({ 'POST /api/privacy/access-links': () => jsonResponse(exported) });
    renderWithTenant(<MyDataPage />, { fetch: mock.fetch });
    const open = await screen.findByRole('button', { name: 'Show my data' });
    expect(mock.requests).toHaveLength(0);
    await userEvent.click(open);
    const log = await screen.findByRole('region', { name: 'Who read or changed your record' });
    expect(within(log).getByText('person.read')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Profile' })).getByText('ada@acme.example')).toBeTruthy();
    expect(mock.requests[0]?.body).toEqual({ token: TOKEN });
    expect(mock.requests[0]?.url).not.toContain(TOKEN);
  });

  it('says a spent link is spent', async () => {
    window.history.replaceState(null, '', `/my-data#token=${TOKEN}`);
    const mock = createFetchMock({ 'POST /api/privacy/access-links': () => problemResponse({ status: 404, code: 'privacy.link_invalid' }) });
    renderWithTenant(<MyDataPage />, { fetch: mock.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Show my data' }));
    expect((await screen.findByRole('alert')).textContent).toContain('already used or has expired');
  });
});
