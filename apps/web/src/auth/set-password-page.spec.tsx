import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFetchMock, problemResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { SetPasswordPage } from './set-password-page';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE';

function openLink(token = TOKEN) {
  window.history.pushState(null, '', `/staff/set-password#${token}`);
}

async function choose(password: string, repeated = password) {
  await userEvent.type(screen.getByLabelText('New password'), password);
  await userEvent.type(screen.getByLabelText('Repeat the new password'), repeated);
  await userEvent.click(screen.getByRole('button', { name: 'Save password' }));
}

describe('SetPasswordPage', () => {
  it('sends the token from the fragment once, and drops it from the address', async () => {
    openLink();
    const mock = createFetchMock({ 'POST /api/auth/password-link': () => new Response(null, { status: 204 }) });
    renderWithTenant(<SetPasswordPage />, { fetch: mock.fetch });
    expect(window.location.hash).toBe('');

    await choose('a good long passphrase');

    expect(await screen.findByText('Your password is saved. You can sign in now.')).toBeTruthy();
    expect(mock.requests.at(-1)?.body).toEqual({ token: TOKEN, newPassword: 'a good long passphrase' });
    expect(mock.requests.at(-1)?.url).not.toContain(TOKEN);
  });

  it('ties a mismatch to the repeated field before any request', async () => {
    openLink();
    const mock = createFetchMock({});
    renderWithTenant(<SetPasswordPage />, { fetch: mock.fetch });

    await choose('a good long passphrase', 'another long passphrase');

    const repeated = screen.getByLabelText('Repeat the new password');
    await waitFor(() => expect(repeated.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(repeated.getAttribute('aria-describedby') ?? '')?.textContent).toBe('The two passwords do not match.');
    expect(mock.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('says a used or expired link is spent and offers a new one', async () => {
    openLink();
    const mock = createFetchMock({ 'POST /api/auth/password-link': () => problemResponse({ status: 410, code: 'auth.link_invalid' }) });
    renderWithTenant(<SetPasswordPage />, { fetch: mock.fetch });

    await choose('a good long passphrase');

    expect((await screen.findByRole('alert')).textContent).toBe('This link was used already or has expired. Ask for a new one.');
    expect(screen.queryByRole('button', { name: 'Save password' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe('/staff/forgot-password');
  });

  it('without a token, asks for the link from the mail', () => {
    window.history.pushState(null, '', '/staff/set-password');
    renderWithTenant(<SetPasswordPage />, { fetch: createFetchMock({}).fetch });
    expect(screen.getByText(/This page needs the link from your e-mail/)).toBeTruthy();
  });
});
