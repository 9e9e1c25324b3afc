import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { createFetchMock, jsonResponse } from '../test/fetch-mock';
import { directory } from '../test/tenant-fixtures';
import { TenantGate } from './tenant-gate';

function renderGate(hostname: string, fetchImpl: typeof fetch) {
  const i18n = createI18n('en');
  render(
    <I18nextProvider i18n={i18n}>
      <BrowserRouter>
        <TenantGate hostname={hostname} fetchImpl={fetchImpl} />
      </BrowserRouter>
    </I18nextProvider>,
  );
  return i18n;
}

const directoryFetch = () =>
  createFetchMock({
    'GET /tenant-directory.json': () => jsonResponse(directory),
    'GET /api/auth/config': () => jsonResponse({ localSignIn: true }),
  });

describe('TenantGate', () => {
  it('shows the tenant of the host name with its name, title and colors', async () => {
    renderGate('acme.localhost', directoryFetch().fetch);

    expect((await screen.findByTestId('tenant-name')).textContent).toBe('ACME Corporation');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Book your vaccination');
    // The title follows the page once it has loaded what it shows; on a busy machine that is a moment later.
    await waitFor(() => expect(document.title).toBe('ACME Corporation'));
    expect(document.documentElement.style.getPropertyValue('--brand-primary')).toBe('#0b5fff');
    expect(screen.getByRole('banner').querySelector('img')?.getAttribute('src')).toBe('/branding/acme.svg');
    expect(screen.getByRole('link', { name: 'Staff sign-in' }).getAttribute('href')).toBe('/staff/sign-in');
  });

  it('tells an unknown host that there is no center here and names no other tenant', async () => {
    renderGate('initech.localhost', directoryFetch().fetch);

    const page = await screen.findByTestId('unknown-tenant');
    expect(page.textContent).toContain('No vaccination center at this address');
    expect(page.textContent).toContain('initech.localhost');
    expect(document.body.textContent).not.toMatch(/ACME|Globex/);
    expect(screen.queryByTestId('tenant-name')).toBeNull();
  });

  it('offers a retry when the directory cannot be loaded, and recovers', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let attempts = 0;
    const mock = createFetchMock({
      'GET /tenant-directory.json': () => (++attempts === 1 ? jsonResponse({}, 503) : jsonResponse(directory)),
      'GET /api/auth/config': () => jsonResponse({ localSignIn: true }),
    });
    renderGate('acme.localhost', mock.fetch);

    expect((await screen.findByTestId('directory-unavailable')).textContent).toContain('cannot be loaded');
    expect(screen.getByRole('alert')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByTestId('tenant-name')).textContent).toBe('ACME Corporation');
  });

  it("switches to the tenant's default language when the browser offers none we speak", async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR']);
    const i18n = renderGate('globex.localhost', directoryFetch().fetch);

    expect((await screen.findByTestId('tenant-name')).textContent).toBe('Globex Gesellschaft');
    expect(await screen.findByRole('heading', { level: 1, name: 'Impftermin buchen' })).toBeTruthy();
    expect(i18n.language).toBe('de');
    expect(document.documentElement.lang).toBe('de');
  });
});
