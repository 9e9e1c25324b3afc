import type { PersonHistory, Vaccination } from '@vaccinate/api-contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFetchMock, jsonResponse, problemResponse, type RecordedRequest } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { ada, doctor } from '../test/staff-fixtures';
import { PersonDetailPage } from './person-detail-page';

const assistant = { ...doctor, roles: ['assistant' as const] };
const firstRecord: Vaccination = {
  id: 'vacc-1',
  personId: ada.id,
  visitId: 'visit-1',
  productId: 'prod-comirnaty',
  productName: 'Comirnaty',
  lotId: '11111111-1111-4111-8111-111111111111',
  lotNumber: 'FK1234',
  siteId: 'site-hq',
  doseNumber: 1,
  seriesDoses: 2,
  doseNumberReason: null,
  injectionSite: 'left_deltoid',
  route: 'intramuscular',
  vaccinator: 'staff-2',
  documentedBy: 'staff-1',
  vaccinatorName: 'Dr. Grace Hopper',
  documentedByName: null,
  administeredAt: '2026-06-01T08:05:00Z',
  status: 'superseded',
  supersedesId: null,
  correctionReason: null,
  createdAt: '2026-06-01T08:06:00Z',
  adverseReactions: [],
};
const corrected: Vaccination = {
  ...firstRecord,
  id: 'vacc-2',
  injectionSite: 'right_deltoid',
  status: 'valid',
  supersedesId: 'vacc-1',
  correctionReason: 'Documented the wrong arm',
  createdAt: '2026-06-01T09:00:00Z',
  adverseReactions: [{ id: 'r-1', severity: 'mild', description: 'Sore arm', recordedAt: '2026-06-01T08:20:00Z' }],
};
const history: PersonHistory = {
  personId: ada.id,
  revisions: [
    {
      version: 1,
      givenName: 'Adah',
      familyName: 'Lovelace',
      email: 'ada@acme.example',
      birthDate: '1990-12-10',
      reason: 'Name misspelt at sign-up',
      changedBy: 'staff-1',
      changedByName: null,
      changedAt: '2026-05-02T10:00:00Z',
    },
  ],
  vaccinations: [corrected, firstRecord],
};

function renderPerson(routes: Record<string, (request: RecordedRequest) => Response> = {}, staff = doctor) {
  const mock = createFetchMock({
    [`GET /api/people/${ada.id}`]: () => jsonResponse({ ...ada, version: 2 }),
    [`GET /api/people/${ada.id}/history`]: () => jsonResponse(history),
    'GET /api/lots': () =>
      jsonResponse([
        {
          id: '11111111-1111-4111-8111-111111111111',
          productId: 'prod-comirnaty',
          lotNumber: 'FK1234',
          expiryDate: '2026-12-31',
          dosesReceived: 10,
          dosesAssigned: 0,
          dosesUsed: 1,
          dosesWasted: 0,
          version: 1,
        },
        {
          id: '22222222-2222-4222-8222-222222222222',
          productId: 'prod-comirnaty',
          lotNumber: 'GH5678',
          expiryDate: '2026-11-30',
          dosesReceived: 10,
          dosesAssigned: 0,
          dosesUsed: 0,
          dosesWasted: 0,
          version: 1,
        },
      ]),
    ...routes,
  });
  renderWithTenant(<PersonDetailPage id={ada.id} staff={staff} />, { fetch: mock.fetch });
  return mock;
}

describe('person page: correcting the details', () => {
  it('requires the reason of the correction and sends it with the changed fields', async () => {
    const mock = renderPerson({ [`PATCH /api/people/${ada.id}`]: () => jsonResponse({ ...ada, phone: '+49301234567', version: 3 }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    await userEvent.type(screen.getByLabelText(/Phone/), '030 1234567');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const reason = screen.getByRole('textbox', { name: 'Reason for the correction' });
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(reason);
    expect(mock.requests.some((request) => request.method === 'PATCH')).toBe(false);

    await userEvent.type(reason, 'Phone number given at check-in');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Your changes have been saved.')).toBeTruthy();
    expect(mock.requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      phone: '030 1234567',
      version: 2,
      reason: 'Phone number given at check-in',
    });
    // The saved correction is a new version, so the history is read again.
    await waitFor(() => expect(mock.requests.filter((request) => request.url.endsWith('/history'))).toHaveLength(2));
  });
});

describe('person page: the phone number', () => {
  const legacy = '030/123 45 67 app. 12'; // typed before numbers were read into E.164

  it('shows a number saved before E.164 as stored and lets another field be corrected without touching it', async () => {
    const routes = {
      [`GET /api/people/${ada.id}`]: () => jsonResponse({ ...ada, phone: legacy, version: 2 }),
      [`PATCH /api/people/${ada.id}`]: () => jsonResponse({ ...ada, familyName: 'Byron', phone: legacy, version: 3 }),
    };
    const requests = renderPerson(routes).requests;
    expect(await screen.findByText(legacy)).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const phone = screen.getByLabelText(/Phone/);
    expect([phone.getAttribute('type'), (phone as HTMLInputElement).value]).toEqual(['tel', legacy]);
    await userEvent.clear(screen.getByLabelText('Family name'));
    await userEvent.type(screen.getByLabelText('Family name'), 'Byron');
    await userEvent.type(screen.getByRole('textbox', { name: 'Reason for the correction' }), 'Married name');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Your changes have been saved.')).toBeTruthy();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ familyName: 'Byron', version: 2, reason: 'Married name' });
  });

  it('marks a number typed anew that is no phone number at its field, and one the API refuses too', async () => {
    const refused = { status: 400, code: 'validation.failed', errors: [{ field: 'phone', message: 'must be a phone number that exists', rule: 'format:phone-e164' }] };
    const mock = renderPerson({ [`PATCH /api/people/${ada.id}`]: () => problemResponse(refused) });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const phone = screen.getByLabelText(/Phone/);
    await userEvent.type(phone, 'call me');
    await userEvent.type(screen.getByRole('textbox', { name: 'Reason for the correction' }), 'New number');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const sentence = 'Please enter a phone number that exists, with its country code (e.g. +49 …) when it is not a number from Germany.';
    expect(screen.getByText(sentence)).toBeTruthy();
    expect(document.activeElement).toBe(phone);
    expect(mock.requests.some((request) => request.method === 'PATCH')).toBe(false);

    // A number the contract reads but the API refuses all the same (a stale client, say): the API's answer, at the same field.
    await userEvent.clear(phone);
    await userEvent.type(phone, '030 1234567');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(mock.requests.some((request) => request.method === 'PATCH')).toBe(true));
    expect(await screen.findByText(sentence)).toBeTruthy();
    expect(phone.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('person page: history', () => {
  it('shows earlier details with who, when and why, and a dose with its superseded version and reactions', async () => {
    renderPerson({}, assistant);
    const section = await screen.findByRole('region', { name: 'History' });
    expect(await within(section).findByText('Name misspelt at sign-up')).toBeTruthy();
    expect(within(section).getByText('Adah')).toBeTruthy();
    expect(within(section).getByText(/Version 1, replaced on .* by staff-1/)).toBeTruthy();
    expect(within(section).getByText('Documented the wrong arm')).toBeTruthy();
    expect(within(section).getByText(/Mild, .*: Sore arm/)).toBeTruthy();
    expect(within(section).getByText('1 earlier version')).toBeTruthy();
    expect(within(section).getByText('superseded')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Correct this dose' })).toBeNull();
  });

  it('lets a doctor correct a dose with a reason, sending only what changed', async () => {
    const mock = renderPerson({
      'POST /api/vaccinations/vacc-2/corrections': () =>
        jsonResponse({ ...corrected, id: 'vacc-3', lotId: '22222222-2222-4222-8222-222222222222', supersedesId: 'vacc-2' }, 201),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Correct this dose' }));
    const form = screen.getByRole('form', { name: 'Correct dose 1 · Comirnaty' });
    await userEvent.click(within(form).getByRole('button', { name: 'Save correction' }));
    expect(within(form).getByRole('textbox', { name: 'Reason for the correction' }).getAttribute('aria-invalid')).toBe('true');

    await userEvent.type(within(form).getByRole('textbox', { name: 'Reason for the correction' }), 'Wrong lot scanned');
    await userEvent.click(within(form).getByRole('button', { name: 'Save correction' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Change at least one field besides the reason.');

    await userEvent.selectOptions(await within(form).findByRole('combobox', { name: 'Lot' }), '22222222-2222-4222-8222-222222222222');
    await userEvent.click(within(form).getByRole('button', { name: 'Save correction' }));
    expect(await screen.findByText('The dose has been corrected; the earlier record is kept as superseded.')).toBeTruthy();
    expect(mock.requests.find((request) => request.method === 'POST')?.body).toEqual({ lotId: '22222222-2222-4222-8222-222222222222', reason: 'Wrong lot scanned' });
  });

  it('reloads the history when the dose was corrected by someone else meanwhile', async () => {
    const mock = renderPerson({
      'POST /api/vaccinations/vacc-2/corrections': () => problemResponse({ status: 409, code: 'vaccination.not_current' }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Correct this dose' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Route' }), 'subcutaneous');
    await userEvent.type(screen.getByRole('textbox', { name: 'Reason for the correction' }), 'Wrong route');
    await userEvent.click(screen.getByRole('button', { name: 'Save correction' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This dose was corrected by someone else meanwhile.');
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(mock.requests.filter((request) => request.url.endsWith('/history'))).toHaveLength(2);
  });
});

describe('person page: data protection', () => {
  it('shows export and erasure to doctors only', async () => {
    renderPerson({}, assistant);
    await screen.findByRole('region', { name: 'History' });
    expect(screen.queryByRole('region', { name: 'Data protection' })).toBeNull();
  });

  it('exports the record as a file', async () => {
    const saved: string[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:export'), revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const mock = renderPerson({ [`GET /api/people/${ada.id}/export.html`]: () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }) });
    const section = await screen.findByRole('region', { name: 'Data protection' });
    await userEvent.click(within(section).getByRole('button', { name: 'Export as page' }));
    await waitFor(() => expect(saved).toEqual(['personal-data.html']));
    expect(mock.requests.some((request) => request.url.endsWith('/export.html'))).toBe(true);
    click.mockRestore();
    vi.unstubAllGlobals();
  });

  it('erases only after a confirmation, then says what the law keeps', async () => {
    const mock = renderPerson({
      [`POST /api/people/${ada.id}/erasure`]: () =>
        jsonResponse({
          personId: ada.id,
          erasedAt: '2026-12-02T10:00:00Z',
          retainedVaccinations: 2,
          retainedUntil: '2036-06-01',
          deleted: { registrations: 1, standbyMemberships: 0, mails: 3, certificateLinks: 1, revisions: 1, questionnaireAnswers: 0 },
        }),
    });
    const section = await screen.findByRole('region', { name: 'Data protection' });
    await userEvent.click(within(section).getByRole('button', { name: 'Erase person…' }));
    expect(mock.requests.some((request) => request.method === 'POST')).toBe(false);
    await userEvent.click(within(section).getByRole('button', { name: 'Erase permanently' }));
    expect(await screen.findByText(/The person has been erased\. 2 vaccinations stay documented without their name until/)).toBeTruthy();
    expect(screen.queryByText('ada@acme.example')).toBeNull();
  });

  it('names the reason when an appointment is still ahead', async () => {
    renderPerson({ [`POST /api/people/${ada.id}/erasure`]: () => problemResponse({ status: 409, code: 'privacy.upcoming_appointment' }) });
    const section = await screen.findByRole('region', { name: 'Data protection' });
    await userEvent.click(within(section).getByRole('button', { name: 'Erase person…' }));
    await userEvent.click(within(section).getByRole('button', { name: 'Erase permanently' }));
    expect((await within(section).findByRole('alert')).textContent).toContain('still has a booked appointment ahead');
  });
});
