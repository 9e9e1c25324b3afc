import type { VisitDetail } from '@vaccinate/api-contracts';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFetchMock, jsonResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { DocumentationSection, lotByNumber } from './documentation-section';

const LOT_A = '11111111-1111-4111-8111-111111111111';
const LOT_B = '22222222-2222-4222-8222-222222222222';

const visit: VisitDetail = {
  id: 'visit-1',
  dayId: 'day-1',
  appointmentId: 'a-1',
  state: 'in_consultation',
  walkIn: false,
  version: 3,
  person: { id: 'p-1', givenName: 'Ada', familyName: 'Lovelace', birthDate: '1980-05-17' },
  product: { id: 'prod-comirnaty', name: 'Comirnaty' },
  questionnaire: { version: 0, questions: [{ key: 'fever_today', text: { de: 'Fieber heute?', en: 'Fever today?' }, flagWhen: 'yes' }] },
  answers: { answers: { fever_today: 'yes' }, note: null, flagged: ['fever_today'] },
  consent: true,
  derivedDoseNumber: 1,
  usableLots: [
    { id: LOT_A, lotNumber: 'FH8476', expiryDate: '2027-01-31', dosesLeft: 41, assignedToDay: true },
    { id: LOT_B, lotNumber: 'GK1020', expiryDate: '2027-03-31', dosesLeft: 9, assignedToDay: false },
  ],
  flagsAcknowledged: null,
  observationUntil: null,
  vaccination: null,
};

function renderSection(shown: VisitDetail, routes: Parameters<typeof createFetchMock>[0] = {}) {
  const mock = createFetchMock(routes);
  const onConsulting = vi.fn();
  const onDocumented = vi.fn();
  renderWithTenant(<DocumentationSection visit={shown} isDoctor onConsulting={onConsulting} onDocumented={onDocumented} />, { fetch: mock.fetch });
  return { mock, onConsulting, onDocumented };
}

describe('the documentation of a dose', () => {
  it('matches a typed or scanned lot number to a lot in stock, whatever its case', () => {
    expect(lotByNumber(visit.usableLots, ' gk1020 ')?.id).toBe(LOT_B);
    expect(lotByNumber(visit.usableLots, 'XX0000')).toBeNull();
  });

  it('shows the flagged answer and documents only after the acknowledgement', async () => {
    const acknowledged: VisitDetail = { ...visit, version: 4, flagsAcknowledged: { by: { id: 'staff-1', name: 'Dr. Grace Hopper' }, at: '2026-06-01T08:00:00Z' } };
    const { mock, onConsulting } = renderSection(visit, { 'POST /api/visits/visit-1/flags-acknowledgement': () => jsonResponse(acknowledged) });
    expect(screen.getByText('Fever today?: Yes')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Document vaccination' }).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'I have looked at the flagged answers' }));
    expect(mock.requests.find((request) => request.method === 'POST')?.body).toEqual({ version: 3 });
    expect(onConsulting).toHaveBeenCalledWith(acknowledged);
  });

  it('has one lot field: a typed lot number picks that lot, an unknown one is refused', async () => {
    const acknowledged: VisitDetail = { ...visit, flagsAcknowledged: { by: { id: 'staff-1', name: 'Dr. Grace Hopper' }, at: '2026-06-01T08:00:00Z' } };
    const { mock, onDocumented } = renderSection(acknowledged, { 'POST /api/visits/visit-1/vaccination': () => jsonResponse({}, 201) });
    expect(screen.getByText(/Acknowledged by Dr. Grace Hopper/)).toBeTruthy();
    const lot = screen.getByLabelText('Lot');
    expect((lot as HTMLInputElement).value).toBe('FH8476');
    expect(screen.queryByLabelText('Lot number')).toBeNull();
    await userEvent.clear(lot);
    await userEvent.type(lot, 'XX0000');
    expect(screen.getByText('No lot in stock for this vaccine has this number.')).toBeTruthy();
    const submit = screen.getByRole<HTMLButtonElement>('button', { name: 'Document vaccination' });
    expect(submit.disabled).toBe(true);
    await userEvent.clear(lot);
    await userEvent.type(lot, 'gk1020');
    await userEvent.click(submit);
    expect(mock.requests.find((request) => request.method === 'POST')?.body).toMatchObject({ lotId: LOT_B, version: 3 });
    expect(onDocumented).toHaveBeenCalled();
  });
});
