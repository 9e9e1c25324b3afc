import type { RosterImportReport } from '@vaccinate/api-contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFetchMock, jsonResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { searchOf } from './people-api';
import { RosterPage } from './roster-page';

const preview: RosterImportReport = {
  dryRun: true,
  rows: 5,
  created: 3,
  updated: 0,
  unchanged: 0,
  rejected: 2,
  changed: true,
  problems: [
    { row: 5, field: 'email', message: 'must be a valid e-mail address' },
    { row: 6, field: 'birth_date', message: 'must be a date (YYYY-MM-DD) between 1900-01-01 and today' },
  ],
};

describe('roster page', () => {
  it('previews a file, lists each problem by row and column, then imports it', async () => {
    const mock = createFetchMock({
      'POST /api/people/import': (request) => jsonResponse({ ...preview, dryRun: (request.body as { dryRun: boolean }).dryRun }),
    });
    renderWithTenant(<RosterPage />, { fetch: mock.fetch });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('CSV file'), new File(['given_name;family_name\n'], 'roster.csv', { type: 'text/csv' }));
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Import' }).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    expect(await screen.findByRole('heading', { name: 'Preview: nothing is saved yet' })).toBeTruthy();
    expect(screen.getByText('5 rows: 3 new, 0 changed, 0 unchanged, 2 left out.')).toBeTruthy();
    const rows = within(screen.getByRole('table', { name: '2 rows left out for problems' })).getAllByRole('row');
    expect(rows.slice(1).map((row) => row.textContent)).toEqual([
      '5emailmust be a valid e-mail address',
      '6birth_datemust be a date (YYYY-MM-DD) between 1900-01-01 and today',
    ]);
    expect(mock.requests[0]?.body).toEqual({ csv: 'given_name;family_name\n', dryRun: true });

    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('heading', { name: 'Imported' })).toBeTruthy();
    expect(mock.requests[1]?.body).toMatchObject({ dryRun: false });
  });

  it('reads one search box as an e-mail, an employee number or name prefixes', () => {
    expect(searchOf(' ada@acme.example ')).toEqual({ email: 'ada@acme.example' });
    expect(searchOf('E-1001')).toEqual({ employeeNumber: 'E-1001' });
    expect(searchOf('lov ad')).toEqual({ name: 'lov ad' });
  });
});
