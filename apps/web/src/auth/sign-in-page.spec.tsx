import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFetchMock, jsonResponse, problemResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { loginResponse } from '../test/staff-fixtures';
import { readAccessToken } from './session-store';
import { SignInPage } from './sign-in-page';

async function signIn(email: string, password: string) {
  await userEvent.type(screen.getByLabelText('E-mail'), email);
  await userEvent.type(screen.getByLabelText('Password'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInPage', () => {
  it('shows the field errors of a problem+json answer next to their inputs', async () => {
    const mock = createFetchMock({
      'POST /api/auth/login': () =>
        problemResponse({
          status: 400,
          code: 'request.invalid',
          title: 'The request has invalid fields',
          errors: [
            { field: 'email', message: 'must be a valid e-mail address', rule: 'format:email' },
            { field: 'password', message: 'must be shorter than or equal to 200 characters', rule: 'length' },
          ],
        }),
    });
    renderWithTenant(<SignInPage />, { fetch: mock.fetch });

    await signIn('ada@acme.example', 'secret');

    const email = screen.getByLabelText('E-mail');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = email.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Please enter an e-mail address such as name@example.com.');
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(password.getAttribute('aria-describedby') ?? '')?.textContent).toBe('This is too long.');
    // Focus goes to the first invalid input; nothing raw is dumped on the page.
    expect(document.activeElement).toBe(email);
    expect(document.body.textContent).not.toContain('request.invalid');
    expect(mock.requests[mock.requests.length - 1]?.body).toEqual({ email: 'ada@acme.example', password: 'secret' });
  });

  it('says wrong credentials in a general alert without blaming one field', async () => {
    const mock = createFetchMock({
      'POST /api/auth/login': () => problemResponse({ status: 401, code: 'auth.invalid_credentials' }),
    });
    renderWithTenant(<SignInPage />, { fetch: mock.fetch });

    await signIn('ada@acme.example', 'wrong');

    expect((await screen.findByRole('alert')).textContent).toBe('The e-mail address or password is not correct.');
    expect(screen.getByLabelText('E-mail').getAttribute('aria-invalid')).toBeNull();
  });

  it('checks required fields before calling the API, in the chosen language', async () => {
    const mock = createFetchMock({});
    renderWithTenant(<SignInPage />, { fetch: mock.fetch, locale: 'de' });

    await userEvent.click(screen.getByRole('button', { name: 'Anmelden' }));

    const email = screen.getByLabelText('E-Mail');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Bitte füllen Sie dieses Feld aus.');
    expect(mock.requests.filter((r) => r.url.endsWith('/auth/login'))).toEqual([]);
  });

  it('shows a friendly message when the server cannot be reached', async () => {
    const mock = createFetchMock({});
    const offline = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if ((input instanceof Request ? input.url : String(input)).endsWith('/auth/login')) throw new TypeError('Failed to fetch');
      return mock.fetch(input, init);
    }) as typeof fetch;
    renderWithTenant(<SignInPage />, { fetch: offline });

    await signIn('ada@acme.example', 'secret');

    expect((await screen.findByRole('alert')).textContent).toContain('could not reach the server');
  });

  it('keeps the token in sessionStorage after a successful sign-in', async () => {
    const mock = createFetchMock({ 'POST /api/auth/login': () => jsonResponse(loginResponse()) });
    renderWithTenant(<SignInPage />, { fetch: mock.fetch });

    await signIn('dr.meyer@acme.example', 'correct horse battery');

    await waitFor(() => expect(window.location.pathname).toBe('/staff'));
    expect(readAccessToken()).toBe('token-1');
  });

  it('offers the company account when the tenant has an identity provider', async () => {
    const mock = createFetchMock({
      'GET /api/auth/config': () => jsonResponse({ localSignIn: true, oidc: { issuer: 'https://idp.example', clientId: 'web' } }),
    });
    renderWithTenant(<SignInPage />, { fetch: mock.fetch });

    await userEvent.click(await screen.findByRole('button', { name: 'Sign in with your company account' }));
    expect(screen.getByRole('status').textContent).toContain('not available in this version yet');
  });
});
