import type { BoardEntry, DayBoard } from '@vaccinate/api-contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../test/booking-fixtures';
import { createFetchMock, jsonResponse, problemResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { doctor } from '../test/staff-fixtures';
import { BoardPage } from './board-page';

function entry(id: string, givenName: string, familyName: string, overrides: Partial<BoardEntry> = {}): BoardEntry {
  return {
    appointmentId: `a-${id}`,
    visitId: null,
    bookingCode: `CODE-${id.toUpperCase()}`,
    personId: `p-${id}`,
    person: { givenName, familyName, birthDate: '1980-05-17' },
    productId: 'prod-comirnaty',
    productName: 'Comirnaty',
    startsAt: '2026-06-01T06:00:00Z',
    doseKind: 'first',
    doseNumber: 1,
    state: 'booked',
    walkIn: false,
    checkedInAt: null,
    answered: false,
    consent: false,
    flaggedAnswers: [],
    flagsAcknowledged: false,
    observationUntil: null,
    vaccinationId: null,
    version: null,
    ...overrides,
  };
}

const board: DayBoard = {
  dayId: 'day-1',
  date: '2026-06-01',
  siteId: 'site-hq',
  siteName: 'Head office',
  entries: [
    entry('ada', 'Ada', 'Lovelace'),
    entry('grace', 'Grace', 'Hopper', { visitId: 'v-grace', state: 'checked_in', checkedInAt: '2026-06-01T05:58:00Z', flaggedAnswers: ['allergies'] }),
  ],
  counters: {
    booked: 2,
    arrived: 1,
    vaccinated: 0,
    noShows: 0,
    walkIns: 0,
    lots: [{ lotId: 'lot-1', lotNumber: 'FH8476', productId: 'prod-comirnaty', expiryDate: '2027-01-31', dosesLeft: 41 }],
  },
};

const sse = (event: string) => new TextEncoder().encode(`event: ${event}\ndata: {"dayId":"day-1"}\n\n`);

/** A server-sent event stream that sends `ready` and stays open; `send` pushes more events. */
function eventStream(): { response: () => Response; send: (event: string) => void } {
  let open: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      open = controller;
      controller.enqueue(sse('ready'));
    },
  });
  return { response: () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }), send: (event) => open?.enqueue(sse(event)) };
}

function renderBoard(checkIn: (body: unknown) => Response, events: () => Response = eventStream().response) {
  const mock = createFetchMock({
    'GET /api/vaccination-days/day-1/board/events': events,
    'GET /api/vaccination-days/day-1/board': () => jsonResponse(board),
    'POST /api/vaccination-days/day-1/check-ins': (request) => checkIn(request.body),
    'GET /api/catalogue': () => jsonResponse({ ...catalogue, timeZone: 'Europe/Berlin' }),
  });
  renderWithTenant(<BoardPage dayId="day-1" staff={doctor} />, { fetch: mock.fetch });
  return mock;
}

describe('the day board', () => {
  it('reloads when the stream reports a change, and says it is live', async () => {
    const stream = eventStream();
    const mock = renderBoard(() => jsonResponse({}), stream.response);
    expect(await screen.findByText('Live: changes from other devices appear at once.')).toBeTruthy();
    await screen.findByRole('table');
    stream.send('board');
    await waitFor(() => expect(mock.requests.filter((request) => request.url === '/api/vaccination-days/day-1/board')).toHaveLength(2));
    // Read through the API client, which adds the staff token to every call.
    expect(mock.requests.find((request) => request.url.endsWith('/board/events'))?.headers['accept']).toBe('text/event-stream');
  });

  it('says when it is offline', async () => {
    renderBoard(
      () => jsonResponse({}),
      () => problemResponse({ status: 503, code: 'service.unavailable' }),
    );
    expect(await screen.findByText('Offline: this board is not updated. Reconnecting…')).toBeTruthy();
  });

  it('shows counters, doses left and each appointment with its state', async () => {
    renderBoard(() => jsonResponse({}));
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[3]?.textContent)).toEqual(['Booked', 'Checked inflagged answers']);
    expect(within(rows[0] as HTMLElement).getAllByRole('cell')[0]?.textContent).toBe('08:00');
    expect(screen.getByText(/FH8476/).textContent).toContain('41');
    expect(screen.getByRole('link', { name: 'Open: Grace Hopper' }).getAttribute('href')).toBe('/staff/visits/v-grace');
  });

  it('finds a typed booking code, asks for the identity check and checks in by appointment id', async () => {
    const mock = renderBoard(() => jsonResponse(entry('ada', 'Ada', 'Lovelace', { visitId: 'v-ada', state: 'checked_in' }), 201));
    await userEvent.type(await screen.findByLabelText('Booking code'), ' code-ada ');
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    const confirm = screen.getByRole('form', { name: 'Confirm identity' });
    expect(within(confirm).getByText('Ada Lovelace')).toBeTruthy();
    const submit = within(confirm).getByRole('button', { name: 'Check in' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    await userEvent.selectOptions(within(confirm).getByLabelText('Identity document'), 'passport');
    await userEvent.click(within(confirm).getByLabelText('I have checked the identity against the document'));
    await userEvent.click(submit);
    expect(await screen.findByText('Ada Lovelace is checked in.')).toBeTruthy();
    const sent = mock.requests.find((request) => request.method === 'POST');
    expect(sent?.body).toEqual({ appointmentId: 'a-ada', identityChecked: true, identityDocument: 'passport' });
    // The name was found in the loaded board: it never went into a URL.
    expect(mock.requests.map((request) => request.url).join(' ')).not.toMatch(/Lovelace|Ada/);
  });

  it('says when no appointment of the day has the code, and finds people by name', async () => {
    renderBoard(() => jsonResponse({}));
    await userEvent.type(await screen.findByLabelText('Booking code'), 'NOPE-NOPE{Enter}');
    expect(screen.getByText('No appointment of today has this booking code.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Or search by name'), 'lovel');
    await userEvent.click(screen.getByRole('button', { name: 'Ada Lovelace · CODE-ADA' }));
    expect(screen.getByRole('form', { name: 'Confirm identity' })).toBeTruthy();
  });

  it('shows the API’s sentence when the check-in is refused', async () => {
    renderBoard(() => problemResponse({ status: 409, code: 'visit.day_not_running' }));
    await userEvent.type(await screen.findByLabelText('Booking code'), 'CODE-ADA{Enter}');
    await userEvent.selectOptions(screen.getByLabelText('Identity document'), 'id_card');
    await userEvent.click(screen.getByLabelText('I have checked the identity against the document'));
    await userEvent.click(screen.getByRole('button', { name: 'Check in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Check-in and documentation are open on the day itself only.');
  });
});
