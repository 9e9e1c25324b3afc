import type { DayReport } from '@vaccinate/api-contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { matchPath } from 'react-router';
import { paths, patterns } from '../shared/routing/routes';
import { catalogue } from '../test/booking-fixtures';
import { createFetchMock, jsonResponse, problemResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { doctor } from '../test/staff-fixtures';
import { DayReportLink } from './day-report-link';
import { DayReportPage } from './day-report-page';

const report: DayReport = {
  dayId: 'day-1',
  date: '2026-06-01',
  siteName: 'Head office',
  booked: 12,
  vaccinated: [
    { productName: 'Comirnaty', doseNumber: 1, count: 7 },
    { productName: 'Comirnaty', doseNumber: 2, count: 3 },
  ],
  noShows: 2,
  walkIns: 1,
  cancelled: 4,
  waste: [{ lotNumber: 'FK1234', doses: 2, reason: 'drawn_not_given' }],
  dosesLeft: [{ lotNumber: 'FK1234', productName: 'Comirnaty', dosesLeft: 18 }],
  doses: [
    {
      vaccinationId: 'vac-1',
      administeredAt: '2026-06-01T06:05:00Z',
      person: { id: 'p-1', givenName: 'Ada', familyName: 'Lovelace', birthDate: '1980-05-17' },
      productName: 'Comirnaty',
      doseNumber: 1,
      lotNumber: 'FK1234',
      vaccinator: { id: 'staff-1', name: 'Dr. Grace Hopper' },
    },
  ],
};

function renderReport(csv: () => Response = () => new Response('date,booked\n2026-06-01,12\n', { headers: { 'content-type': 'text/csv' } })) {
  const mock = createFetchMock({
    'GET /api/vaccination-days/day-1/report': () => jsonResponse(report),
    'GET /api/vaccination-days/day-1/report.csv': csv,
    'GET /api/catalogue': () => jsonResponse({ ...catalogue, timeZone: 'Europe/Berlin' }),
  });
  renderWithTenant(<DayReportPage id="day-1" />, { fetch: mock.fetch });
  return mock;
}

describe('day report', () => {
  it('is reached at /staff/days/:id/report', () => {
    expect(paths.dayReport('day-1')).toBe('/staff/days/day-1/report');
    expect(matchPath(patterns.dayReport, '/staff/days/day-1/report')?.params).toEqual({ id: 'day-1' });
  });

  it('shows the figures as captioned tables', async () => {
    renderReport();
    expect(await screen.findByRole('heading', { level: 1, name: 'Day report' })).toBeTruthy();
    const summary = screen.getByRole('table', { name: 'Appointments and people' });
    const row = (name: string) => within(summary).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    expect(within(row('Vaccinated')).getByRole('cell').textContent).toBe('10');
    expect(within(row('Did not come')).getByRole('cell').textContent).toBe('2');
    const waste = screen.getByRole('table', { name: 'Wasted doses' });
    expect(within(waste).getByText('Drawn up but not given')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Doses left per lot' })).getByText('18')).toBeTruthy();
    const doses = screen.getByRole('table', { name: 'Who was vaccinated, with which lot, by whom' });
    const given = within(doses).getByRole('rowheader', { name: 'Lovelace, Ada' }).closest('tr') as HTMLElement;
    expect(
      within(given)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['08:05', 'Comirnaty, dose 1', 'FK1234', 'Dr. Grace Hopper']);
  });

  it('downloads the CSV with the staff token and no personal data in the address', async () => {
    // jsdom has no object URLs; a subclass keeps the real URL untouched for other tests.
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = () => 'blob:report';
        static override revokeObjectURL = () => undefined;
      },
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const mock = renderReport();

    await userEvent.click(await screen.findByRole('button', { name: 'Download CSV' }));

    await waitFor(() => expect(click).toHaveBeenCalledOnce());
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe('day-report-2026-06-01.csv');
    expect(mock.requests.at(-1)?.url).toBe('/api/vaccination-days/day-1/report.csv');
  });

  it('is linked from the day page for doctors only', () => {
    const { unmount } = renderWithTenant(<DayReportLink dayId="day-1" staff={doctor} />, { fetch: createFetchMock({}).fetch });
    expect(screen.getByRole('link', { name: 'Day report' }).getAttribute('href')).toBe('/staff/days/day-1/report');
    unmount();
    renderWithTenant(<DayReportLink dayId="day-1" staff={{ ...doctor, roles: ['assistant'] }} />, { fetch: createFetchMock({}).fetch });
    expect(screen.queryByRole('link', { name: 'Day report' })).toBeNull();
  });

  it('says when the download failed', async () => {
    renderReport(() => problemResponse({ status: 403, code: 'auth.forbidden' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Download CSV' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Your account does not have permission for this.');
  });
});
