import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFetchMock, problemResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { CertificatePage } from './certificate-page';

async function fillDetails(birthDate = '1984-02-29') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Family name'), 'Großmann');
  await user.type(screen.getByLabelText('Given name(s)'), 'Zoë');
  await user.type(screen.getByLabelText('Date of birth'), birthDate);
  await user.click(screen.getByRole('button', { name: 'Download certificate (PDF)' }));
  return user;
}

describe('CertificatePage', () => {
  beforeEach(() => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:certificate'), revokeObjectURL: vi.fn() }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('takes the token from the fragment, wipes it from the address bar and posts it with the typed details', async () => {
    window.history.replaceState(null, '', '/certificate#the.jwe.token.parts.here');
    const mock = createFetchMock({
      'POST /v1/certificates/pdf': () => new Response('%PDF-1.7', { status: 200, headers: { 'content-type': 'application/pdf' } }),
      'POST /v1/certificates/smart-health-card': () => new Response('{"verifiableCredential":[]}', { status: 200 }),
    });
    vi.stubGlobal('fetch', mock.fetch);
    renderWithTenant(<CertificatePage />, { fetch: mock.fetch });
    expect(window.location.hash).toBe('');

    const user = await fillDetails();
    expect(await screen.findByText(/Your certificate was downloaded as a PDF/)).toBeTruthy();
    expect(mock.requests[0]?.body).toEqual({
      token: 'the.jwe.token.parts.here',
      personalData: { familyName: 'Großmann', givenName: 'Zoë', birthDate: '1984-02-29' },
      locale: 'en',
    });
    expect(mock.requests.every((request) => !request.url.includes('token'))).toBe(true);

    await user.click(screen.getByRole('button', { name: 'SMART Health Card file (.smart-health-card)' }));
    await waitFor(() => expect(mock.requests.map((request) => new URL(request.url, 'http://x').pathname)).toContain('/v1/certificates/smart-health-card'));
  });

  it("exchanges the mail's short reference for the token at the API, then opens it as before", async () => {
    const reference = 'AbCdEfGhIjKlMnOpQrStUv';
    window.history.replaceState(null, '', `/certificate#ref=${reference}`);
    const mock = createFetchMock({
      'POST /api/certificates/links': () => Response.json({ token: 'the.jwe.token.parts.here', expiresAt: '2027-03-02T09:00:00.000Z' }),
      'POST /v1/certificates/pdf': () => new Response('%PDF-1.7', { status: 200, headers: { 'content-type': 'application/pdf' } }),
    });
    vi.stubGlobal('fetch', mock.fetch);
    renderWithTenant(<CertificatePage />, { fetch: mock.fetch });
    expect(window.location.hash).toBe('');
    await screen.findByLabelText('Family name');
    await fillDetails();
    expect(await screen.findByText(/Your certificate was downloaded as a PDF/)).toBeTruthy();
    expect(mock.requests[0]?.body).toEqual({ reference });
    expect(mock.requests[1]?.body).toMatchObject({ token: 'the.jwe.token.parts.here' });
  });

  it('answers every mismatch with the same message', async () => {
    window.history.replaceState(null, '', '/certificate#the.jwe.token.parts.here');
    const mock = createFetchMock({ 'POST /v1/certificates/pdf': () => problemResponse({ status: 422, code: 'certificate.details_mismatch' }) });
    vi.stubGlobal('fetch', mock.fetch);
    renderWithTenant(<CertificatePage />, { fetch: mock.fetch });
    await fillDetails('1984-03-01');
    expect((await screen.findByRole('alert')).textContent).toBe('These details do not match. Check the spelling of your names and your date of birth, and try again.');
  });

  it('explains an expired link and a page opened without one', async () => {
    window.history.replaceState(null, '', '/certificate#the.jwe.token.parts.here');
    const mock = createFetchMock({ 'POST /v1/certificates/pdf': () => problemResponse({ status: 422, code: 'certificate.expired' }) });
    vi.stubGlobal('fetch', mock.fetch);
    const { unmount } = renderWithTenant(<CertificatePage />, { fetch: mock.fetch });
    await fillDetails();
    expect((await screen.findByRole('alert')).textContent).toMatch(/This link has expired/);
    unmount();
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/certificate');
    renderWithTenant(<CertificatePage />, { fetch: mock.fetch });
    expect(screen.getByRole('alert').textContent).toMatch(/needs the link from your certificate e-mail/);
  });
});
