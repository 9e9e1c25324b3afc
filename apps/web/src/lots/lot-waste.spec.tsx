import type { Lot, VaccineProduct } from '@vaccinate/api-contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFetchMock, jsonResponse, problemResponse, type RecordedRequest } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { doctor } from '../test/staff-fixtures';
import { LotsPage } from './lots-page';

const assistant = { ...doctor, roles: ['assistant' as const] };
const lot: Lot = {
  id: 'lot-1',
  productId: 'prod-comirnaty',
  lotNumber: 'FK1234',
  expiryDate: '2099-12-31',
  dosesReceived: 30,
  dosesAssigned: 12,
  dosesUsed: 10,
  dosesWasted: 2,
  version: 1,
} as Lot;
const product = { id: 'prod-comirnaty', name: 'Comirnaty' } as VaccineProduct;
const day = { id: 'day-1', date: '2099-06-01', lots: [{ lotId: 'lot-1', doses: 12 }] };

function renderLots(waste: (request: RecordedRequest) => Response) {
  let wasted = lot.dosesWasted;
  const mock = createFetchMock({
    'GET /api/lots': () => jsonResponse([{ ...lot, dosesWasted: wasted }]),
    'GET /api/vaccines': () => jsonResponse([product]),
    'GET /api/vaccination-days': () => jsonResponse([day]),
    'POST /api/lots/lot-1/waste': (request) => {
      const response = waste(request);
      if (response.ok) wasted += (request.body as { doses: number }).doses;
      return response;
    },
  });
  renderWithTenant(<LotsPage staff={assistant} />, { fetch: mock.fetch });
  return mock;
}

describe('recording wasted doses', () => {
  it('records doses with a reason and a day, then shows what the lot has left', async () => {
    const mock = renderLots(() => jsonResponse({ lotId: 'lot-1', dosesLeft: 15 }, 201));
    await userEvent.click(await screen.findByRole('button', { name: 'Record waste of lot FK1234' }));
    const form = screen.getByRole('form', { name: 'Wasted doses of lot FK1234' });
    expect(within(form).getByText('18 doses left in this lot.')).toBeTruthy();
    const doses = within(form).getByRole('spinbutton', { name: 'Doses wasted' });
    expect(document.activeElement).toBe(doses);
    await userEvent.clear(doses);
    await userEvent.type(doses, '3');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Reason' }), 'drawn_not_given');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Vaccination day' }), await within(form).findByRole('option', { name: /2099/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'Record waste' }));

    expect(await screen.findByText('3 doses of lot FK1234 recorded as waste; 15 left.')).toBeTruthy();
    expect(mock.requests.find((request) => request.method === 'POST')?.body).toEqual({ doses: 3, reason: 'drawn_not_given', dayId: 'day-1' });
    await waitFor(() => expect(screen.getByRole('row', { name: /FK1234/ }).textContent).toContain('15'));
  });

  it('asks for a reason and refuses more doses than are left without sending', async () => {
    const mock = renderLots(() => jsonResponse({ lotId: 'lot-1', dosesLeft: 0 }, 201));
    await userEvent.click(await screen.findByRole('button', { name: 'Record waste of lot FK1234' }));
    const doses = screen.getByRole('spinbutton', { name: 'Doses wasted' });
    await userEvent.clear(doses);
    await userEvent.type(doses, '19');
    await userEvent.click(screen.getByRole('button', { name: 'Record waste' }));

    expect(screen.getByText('Only 18 doses are left in this lot.')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Reason' }).getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(doses);
    expect(mock.requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it('says when the stock moved on meanwhile', async () => {
    renderLots(() => problemResponse({ status: 409, code: 'vaccination.out_of_stock' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Record waste of lot FK1234' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'damaged');
    await userEvent.click(screen.getByRole('button', { name: 'Record waste' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The lot does not have that many doses left. The list has been refreshed.');
  });
});
