import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { saveSession } from '../auth/session-store';
import { createI18n } from '../i18n/i18n';
import { createFetchMock, jsonResponse, problemResponse } from '../test/fetch-mock';
import { ada, doctor, loginResponse } from '../test/staff-fixtures';
import { acme } from '../test/tenant-fixtures';
import { TenantApp } from './tenant-app';

function renderAppAt(path: string, routes: Parameters<typeof createFetchMock>[0]) {
  const mock = createFetchMock({ 'GET /api/auth/config': () => jsonResponse({ localSignIn: true }), ...routes });
  vi.stubGlobal('fetch', mock.fetch);
  window.history.replaceState(null, '', path);
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <BrowserRouter>
        <TenantApp tenant={acme} />
      </BrowserRouter>
    </I18nextProvider>,
  );
  return mock;
}

describe('staff journey', () => {
  it('makes a first sign-in choose a new password before showing the staff home', async () => {
    const mock = renderAppAt('/staff/sign-in', {
      'POST /api/auth/login': () => jsonResponse(loginResponse({ ...doctor, mustChangePassword: true }, 'initial-token')),
      'POST /api/auth/password': () => jsonResponse(loginResponse(doctor, 'fresh-token')),
    });

    await userEvent.type(await screen.findByLabelText('E-mail'), doctor.email);
    await userEvent.type(screen.getByLabelText('Password'), 'initial-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Change password' })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Current password'), 'initial-password');
    await userEvent.type(screen.getByLabelText('New password'), 'a much longer passphrase');
    await userEvent.type(screen.getByLabelText('Repeat new password'), 'a much longer passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('Signed in as Dr. Anna Meyer')).toBeTruthy();
    expect(screen.getByText('Doctor')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Your password has been changed.');
    const change = mock.requests.find((r) => r.url === '/api/auth/password');
    expect(change?.headers['authorization']).toBe('Bearer initial-token');
    expect(change?.body).toEqual({ currentPassword: 'initial-password', newPassword: 'a much longer passphrase' });

    await userEvent.click(within(screen.getByRole('navigation', { name: 'Staff' })).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Staff sign-in' })).toBeTruthy();
    expect(window.sessionStorage.length).toBe(0);
  });

  it('sends a staff member whose token is refused back to sign-in', async () => {
    saveSession({ accessToken: 'revoked', expiresIn: 600 });
    renderAppAt('/staff/people', { 'GET /api/auth/me': () => problemResponse({ status: 401, code: 'auth.invalid_token' }) });

    expect(await screen.findByText('Your session has ended. Please sign in again.')).toBeTruthy();
    expect(window.location.pathname).toBe('/staff/sign-in');
  });

  it('lists people and searches by e-mail without putting the address in a URL', async () => {
    saveSession({ accessToken: 'token-1', expiresIn: 600 });
    const mock = renderAppAt('/staff/people', {
      'GET /api/auth/me': () => jsonResponse(doctor),
      'GET /api/people': () => jsonResponse({ items: [ada], total: 45, limit: 20, offset: 0 }),
      'POST /api/people/search': () => jsonResponse({ items: [] }),
    });

    expect(await screen.findByText('Lovelace, Ada')).toBeTruthy();
    expect(screen.getByText('1–1 of 45')).toBeTruthy();
    expect(screen.getByText('Page 1 of 3')).toBeTruthy();
    expect(mock.requests.find((r) => r.method === 'GET' && r.url.startsWith('/api/people'))?.url).toBe('/api/people?limit=20&offset=0');

    await userEvent.type(screen.getByLabelText('Find a person'), 'nobody@acme.example');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(await screen.findByText('0 people found.')).toBeTruthy();
    const search = mock.requests.find((r) => r.url === '/api/people/search');
    expect(search?.method).toBe('POST');
    expect(search?.body).toEqual({ email: 'nobody@acme.example' });
    expect(mock.requests.map((r) => r.url).join(' ')).not.toContain('nobody');
    expect(window.location.href).not.toContain('nobody');
  });

  it('explains a stale version on save and offers to load the latest one', async () => {
    saveSession({ accessToken: 'token-1', expiresIn: 600 });
    const mock = renderAppAt(`/staff/people/${ada.id}`, {
      'GET /api/auth/me': () => jsonResponse(doctor),
      [`GET /api/people/${ada.id}`]: () => jsonResponse(ada),
      [`GET /api/people/${ada.id}/history`]: () => jsonResponse({ personId: ada.id, revisions: [], vaccinations: [] }),
      [`PATCH /api/people/${ada.id}`]: () =>
        problemResponse({
          status: 409,
          code: 'person.version_conflict',
          errors: [{ field: 'version', message: 'This record was changed since you loaded it.' }],
        }),
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const phone = screen.getByLabelText(/Phone/);
    await userEvent.type(phone, '+49 30 1234567');
    await userEvent.type(screen.getByLabelText('Reason for the correction'), 'Phone added on request');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this person while you were editing.');
    expect(mock.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ phone: '+49 30 1234567', version: 1, reason: 'Phone added on request' });
    await userEvent.click(within(alert).getByRole('button', { name: 'Load latest version' }));
    await waitFor(() => expect(mock.requests.filter((r) => r.url === `/api/people/${ada.id}` && r.method === 'GET')).toHaveLength(2));
  });
});
