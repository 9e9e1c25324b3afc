import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFetchMock, jsonResponse, problemResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { SendCertificateButton } from './send-certificate-button';

const ID = '7d4c3c1e-3f5b-4c6a-9f00-8c1f2d3e4a5b';

describe('SendCertificateButton', () => {
  it('asks the API to issue and mail a certificate for the dose', async () => {
    const mock = createFetchMock({
      [`POST /api/vaccinations/${ID}/certificates`]: () =>
        jsonResponse({ certificateId: 'URN:UVCI:01:DE:ACME/X#Y', vaccinationId: ID, issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' }, 201),
    });
    renderWithTenant(<SendCertificateButton vaccinationId={ID} />, { fetch: mock.fetch });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Mail certificate again' }));
    expect(await screen.findByText('A new certificate link is on its way to the person.')).toBeTruthy();
    expect(mock.requests).toHaveLength(1);
  });

  it('says why when the dose cannot be certified', async () => {
    const mock = createFetchMock({
      [`POST /api/vaccinations/${ID}/certificates`]: () =>
        problemResponse({ status: 409, code: 'certificate.vaccination_superseded', title: 'Vaccination was corrected' }),
    });
    renderWithTenant(<SendCertificateButton vaccinationId={ID} />, { fetch: mock.fetch });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Mail certificate again' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).not.toBe(''));
    expect(screen.getByRole('status').textContent).not.toContain('on its way');
  });
});
