import type { Site, VaccinationDaySummary } from '@vaccinate/api-contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFetchMock, jsonResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { DayCalendar } from './day-calendar';

const site: Site = {
  id: 'site-7',
  name: 'Building 7',
  street: 'Hauptstraße 1',
  postalCode: '10115',
  city: 'Berlin',
  openingHours: 'Mon–Fri 08:00–12:00',
  stations: 2,
  version: 1,
};
const day = (id: string, date: string): VaccinationDaySummary => ({
  id,
  siteId: site.id,
  date,
  opensAt: '08:00',
  closesAt: '12:00',
  slotMinutes: 10,
  status: 'scheduled',
  productIds: [],
  lots: [],
  dosesCap: 10,
  dosesBooked: 0,
  version: 1,
});

describe('day calendar', () => {
  it("shows each day in its date's cell by month and marks a chosen site's holidays and closed days", async () => {
    const mock = createFetchMock({
      'GET /api/vaccination-days/calendar-warnings': () =>
        jsonResponse({
          warnings: [
            { date: '2027-05-06', code: 'public_holiday', message: 'Ascension Day is a public holiday (DE).' },
            { date: '2027-05-08', code: 'site_closed', message: 'The site is not open on Saturdays.' },
          ],
        }),
    });
    const { container } = renderWithTenant(<DayCalendar days={[day('d1', '2027-05-04'), day('d2', '2027-05-11')]} sites={[site]} view="month" today="2027-05-01" />, {
      fetch: mock.fetch,
    });
    expect(screen.getByRole('table', { name: 'May 2027' })).toBeTruthy();
    const cell = (date: string) => container.querySelector<HTMLElement>(`td[data-date="${date}"]`) as HTMLElement;
    expect(within(cell('2027-05-04')).getByRole('link').textContent).toBe('08:00–12:00 Building 7');
    expect(within(cell('2027-05-11')).getAllByRole('link')).toHaveLength(1);

    await userEvent.selectOptions(screen.getByLabelText('Site'), site.id);
    expect(await within(cell('2027-05-06')).findByText('Holiday')).toBeTruthy();
    expect(within(cell('2027-05-08')).getByText('Closed')).toBeTruthy();
    expect(mock.requests.at(-1)?.url).toContain('from=2027-04-26&to=2027-06-06');
  });

  it('steps by week', async () => {
    renderWithTenant(<DayCalendar days={[day('d1', '2027-05-04'), day('d2', '2027-05-11')]} sites={[site]} view="week" today="2027-05-01" />, {
      fetch: createFetchMock({}).fetch,
    });
    expect(screen.getAllByRole('link')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Next week →' }));
    expect(screen.getByRole('table', { name: /^Week of .*May 10/ })).toBeTruthy();
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });
});
