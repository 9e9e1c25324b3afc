import type { Announcement } from '@vaccinate/api-contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFetchMock, jsonResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { StandbyAnnouncementsPage } from './standby-announcements-page';

const site = { id: '5e000000-0000-4000-8000-000000000001', name: 'Werk Nord' };
const product = { id: '9a000000-0000-4000-8000-000000000001', name: 'Jcovden' };
const announcement = (id: string, changes: Partial<Announcement> = {}): Announcement => ({
  id,
  siteId: site.id,
  productId: product.id,
  doses: 1,
  taken: 1,
  availableUntil: '2026-12-01T16:00:00Z',
  offerMinutes: 30,
  overbookingFactor: 1.5,
  status: 'closed',
  offered: 2,
  open: 0,
  sms: { sent: 0, delivered: 1, failed: 0 },
  ...changes,
});

function renderPage() {
  const mock = createFetchMock({
    'GET /api/standby/announcements': () => jsonResponse([announcement('a1'), announcement('a2'), announcement('a3'), announcement('a4', { doses: 3, taken: 0 })]),
    'GET /api/catalogue': () => jsonResponse({ sites: [site], products: [product] }),
    'GET /api/standby/proposals': () => jsonResponse([]),
    'GET /api/standby/announcements/a1/confirmed': () => jsonResponse([{ memberId: 'm1', givenName: 'Erika', confirmedAt: '2026-12-01T09:00:00Z' }]),
    'GET /api/standby/announcements/a2/confirmed': () => jsonResponse([{ memberId: 'm1', givenName: 'Erika', confirmedAt: '2026-12-01T10:00:00Z' }]),
    'GET /api/standby/announcements/a3/confirmed': () => jsonResponse([{ memberId: 'm2', givenName: 'Max', confirmedAt: '2026-12-01T11:00:00Z' }]),
  });
  renderWithTenant(<StandbyAnnouncementsPage />, { fetch: mock.fetch });
  return mock;
}

describe('spare doses page', () => {
  it('shows announcements that read the same as one line with their count, and each person coming once with theirs', async () => {
    renderPage();
    const repeated = (await screen.findByText('(3 alike)')).closest('tr') as HTMLElement;
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2); // three alike and one other, not four
    expect(within(rows[1] as HTMLElement).queryByText(/alike/)).toBeNull();
    // The line stands for three announcements: their text messages add up.
    expect(within(repeated).getByTestId('announcement-sms').textContent).toBe('3 delivered, 0 on the way, 0 failed');
    await userEvent.click(within(repeated).getByRole('button', { name: 'Show' }));
    expect(await within(repeated).findByText('Erika (×2), Max')).toBeTruthy();
  });
});
