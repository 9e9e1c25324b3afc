import type { StaffMember } from '@vaccinate/api-contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFetchMock, jsonResponse, problemResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { StaffAccountsPage } from './staff-accounts-page';

const invited: StaffMember = {
  id: '5b0e6f7e-3d1c-4c53-9d43-7f1a0d0e0011',
  email: 'new.doctor@acme.example',
  displayName: 'Dr. Neu',
  roles: ['doctor'],
  status: 'invited',
  locale: 'en',
  lastSignInAt: null,
  invitationExpiresAt: '2026-12-09T10:00:00Z',
};
const active: StaffMember = {
  ...invited,
  id: '5b0e6f7e-3d1c-4c53-9d43-7f1a0d0e0012',
  email: 'anna@acme.example',
  displayName: 'Anna',
  roles: ['assistant'],
  status: 'active',
  invitationExpiresAt: null,
};

function renderPage(invite: () => Response) {
  const mock = createFetchMock({
    'GET /api/staff': () => jsonResponse([invited, active]),
    'POST /api/staff/invitations': invite,
    [`POST /api/staff/${invited.id}/invitation`]: () => jsonResponse(invited),
  });
  renderWithTenant(<StaffAccountsPage />, { fetch: mock.fetch });
  return mock;
}

describe('staff accounts page', () => {
  it('lists every account with its status, and re-sends only an open invitation', async () => {
    const mock = renderPage(() => jsonResponse(invited, 201));
    const invitedRow = (await screen.findByText('Dr. Neu')).closest('tr') as HTMLElement;
    const activeRow = screen.getByText('Anna').closest('tr') as HTMLElement;
    expect(within(invitedRow).getByText('Invited')).toBeTruthy();
    expect(within(activeRow).queryByRole('button', { name: 'Send the invitation again' })).toBeNull();
    await userEvent.click(within(invitedRow).getByRole('button', { name: 'Send the invitation again' }));
    expect(await screen.findByText('A new invitation is on its way; the earlier link no longer works.')).toBeTruthy();
    expect(mock.requests.some((request) => request.method === 'POST' && request.url === `/api/staff/${invited.id}/invitation`)).toBe(true);
  });

  it('ties the missing fields and a taken address to their inputs', async () => {
    const mock = renderPage(() => problemResponse({ status: 409, code: 'staff.email_taken', errors: [{ field: 'email', message: 'taken' }] }));
    await screen.findByText('Dr. Neu');
    await userEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    const role = screen.getByLabelText('Role');
    await waitFor(() => expect(role.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(mock.requests.filter((request) => request.method === 'POST')).toEqual([]);

    await userEvent.type(screen.getByLabelText('E-mail'), 'anna@acme.example');
    await userEvent.type(screen.getByLabelText('Name'), 'Anna Again');
    await userEvent.selectOptions(role, 'doctor');
    await userEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    const email = screen.getByLabelText('E-mail');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent).toBe('An account with this e-mail address exists already.');
    expect(mock.requests.at(-1)?.body).toEqual({ email: 'anna@acme.example', displayName: 'Anna Again', roles: ['doctor'], locale: 'en' });
  });
});
