import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFetchMock, jsonResponse, problemResponse, type RecordedRequest } from '../test/fetch-mock';
import { catalogue, confirmation, firstDoseAvailability, followUpAvailability, makeChallenge } from '../test/booking-fixtures';
import { renderWithTenant } from '../test/render-with-tenant';
import { BookingJourney } from './booking-journey';

function renderJourney(book: (request: RecordedRequest) => Response) {
  const mock = createFetchMock({
    'GET /api/catalogue': () => jsonResponse(catalogue),
    'GET /api/availability': () => jsonResponse(firstDoseAvailability),
    'GET /api/availability/follow-up': () => jsonResponse(followUpAvailability),
    'GET /api/captcha/challenge': () => jsonResponse(makeChallenge(7, 50)),
    'POST /api/bookings': book,
  });
  renderWithTenant(<BookingJourney />, { fetch: mock.fetch });
  return mock;
}

async function chooseFirstDoseAt0800() {
  await userEvent.click(await screen.findByRole('button', { name: 'Comirnaty' }));
  await userEvent.click(screen.getByRole('radio', { name: 'First dose' }));
  const times = await screen.findByRole('group', { name: /^Times on Monday, June 1, 2026/ });
  await userEvent.click(within(times).getByRole('button', { name: /08:00/ }));
}

async function fillDetails() {
  await userEvent.type(await screen.findByLabelText('Given name'), 'Ada');
  await userEvent.type(screen.getByLabelText('Family name'), 'Lovelace');
  await userEvent.type(screen.getByLabelText('E-mail'), 'ada@acme.example');
  fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value: '1990-12-10' } });
  await userEvent.type(screen.getByLabelText('Employee number (optional)'), 'E-1815');
}

const bookings = (mock: ReturnType<typeof createFetchMock>) => mock.requests.filter((r) => r.url === '/api/bookings');

describe('booking journey', () => {
  it('offers only the dose kinds a product has and shows full times disabled', async () => {
    renderJourney(() => jsonResponse(confirmation(), 201));
    await userEvent.click(await screen.findByRole('button', { name: 'Jcovden' }));
    expect(screen.getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual(['First dose', 'Booster']);

    await userEvent.click(screen.getByRole('button', { name: 'Comirnaty' }));
    expect(screen.getByRole('radio', { name: 'Follow-up dose' })).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: 'First dose' }));
    const full = await screen.findByRole('button', { name: /08:10, fully booked/ });
    expect((full as HTMLButtonElement).disabled).toBe(true);
  });

  it('preselects the follow-up dose, shows both dates and books with captcha and idempotency key', async () => {
    const mock = renderJourney(() => jsonResponse(confirmation(), 201));
    await chooseFirstDoseAt0800();

    // The recommended date's first free time is taken, at the same site.
    const followUpTimes = await screen.findByRole('group', { name: /^Times on Monday, June 22, 2026/ });
    // The preselection lands a render after the times appear: wait for it rather than race it.
    await waitFor(() => expect(within(followUpTimes).getByRole('button', { name: /08:10/ }).getAttribute('aria-pressed')).toBe('true'));
    const summary = screen.getByRole('heading', { name: 'Your appointments' }).nextElementSibling as HTMLElement;
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([expect.stringContaining('Monday, June 1, 2026, 08:00–08:10'), expect.stringContaining('Monday, June 22, 2026, 08:10–08:20')]);

    await fillDetails();
    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));

    expect((await screen.findByTestId('booking-code')).textContent).toBe('K7Q-4M2P');
    const [request] = bookings(mock);
    expect(request?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(request?.body).toMatchObject({
      productId: 'prod-comirnaty',
      doseKind: 'first',
      slotId: 'slot-0800',
      followUpSlotId: 'slot-22-0810',
      person: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@acme.example', birthDate: '1990-12-10', employeeNumber: 'E-1815' },
    });
    const captcha = JSON.parse(atob(String((request?.body as { captcha: string }).captcha))) as { number: number };
    expect(captcha.number).toBe(7);
    expect(await screen.findByRole('img', { name: 'QR code of booking code K7Q-4M2P' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /\/booking\/manage#manage-token-1$/ })).toBeTruthy();
    expect(screen.getByText('A confirmation e-mail is on its way to you.')).toBeTruthy();
    expect(window.location.href).not.toContain('manage-token-1');
  });

  it('shows the field errors of a problem+json answer next to their inputs', async () => {
    const mock = renderJourney(() =>
      problemResponse({
        status: 400,
        code: 'request.invalid',
        errors: [
          { field: 'person.email', message: 'must be a valid e-mail address', rule: 'format:email' },
          { field: 'body.person.familyName', message: 'must not be longer than 100 characters', rule: 'length' },
          { field: 'captcha', message: 'must be solved' },
        ],
      }),
    );
    await chooseFirstDoseAt0800();
    await fillDetails();
    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));

    const email = screen.getByLabelText('E-mail');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    // Worded from each rule in the reader's language; the API's English sentences never show.
    expect(document.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Please enter an e-mail address such as name@example.com.');
    const family = screen.getByLabelText('Family name');
    expect(document.getElementById(family.getAttribute('aria-describedby') ?? '')?.textContent).toBe('This is too long.');
    expect(screen.getByRole('alert').textContent).toContain('Please check this field.');
    expect(screen.getByRole('alert').textContent).not.toContain('must be solved');
    expect(document.activeElement).toBe(family);
    expect(bookings(mock)).toHaveLength(1);
  });

  it('checks the details before sending anything', async () => {
    const mock = renderJourney(() => jsonResponse(confirmation(), 201));
    await chooseFirstDoseAt0800();
    await userEvent.type(await screen.findByLabelText('E-mail'), 'ada@');
    fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value: '2020-01-01' } });
    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));

    const message = (label: string) => document.getElementById(screen.getByLabelText(label).getAttribute('aria-describedby') ?? '')?.textContent;
    expect(message('Given name')).toBe('Please fill in this field.');
    expect(message('E-mail')).toBe('Please enter an e-mail address such as name@example.com.');
    expect(message('Date of birth')).toBe('This vaccine is for people aged 12 and over.');
    expect(bookings(mock)).toHaveLength(0);
  });

  it('sends the person back to fresh times when the slot was just taken, with a new key next time', async () => {
    let answer = 0;
    const mock = renderJourney(() => (answer++ === 0 ? problemResponse({ status: 409, code: 'booking.slot_full' }) : jsonResponse(confirmation(), 201)));
    await chooseFirstDoseAt0800();
    await fillDetails();
    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This time was just taken');
    expect(screen.queryByRole('button', { name: 'Book appointment' })).toBeNull();
    await waitFor(() => expect(mock.requests.filter((r) => r.url.startsWith('/api/availability?'))).toHaveLength(2));

    // The details typed before are kept; a new attempt gets a new idempotency key.
    await userEvent.click(within(await screen.findByRole('group', { name: /^Times on Monday, June 1/ })).getByRole('button', { name: /08:00/ }));
    expect((await screen.findByLabelText<HTMLInputElement>('Given name')).value).toBe('Ada');
    await userEvent.click(await screen.findByRole('button', { name: 'Book appointment' }));
    await screen.findByTestId('booking-code');
    const [first, second] = bookings(mock);
    expect(second?.headers['idempotency-key']).not.toBe(first?.headers['idempotency-key']);
  });

  it('answers a sold-out burst with the waiting list, not an error page', async () => {
    renderJourney(() => problemResponse({ status: 409, code: 'booking.sold_out' }));
    await chooseFirstDoseAt0800();
    await fillDetails();
    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('fully booked — join the waiting list');
    expect(within(alert).getByRole('link', { name: 'Join the waiting list' }).getAttribute('href')).toBe('/registration?vaccine=prod-comirnaty');
  });

  it('explains an existing booking and a rate limit in the form', async () => {
    let answer = 0;
    renderJourney(() =>
      answer++ === 0 ? problemResponse({ status: 409, code: 'booking.already_booked' }) : problemResponse({ status: 429, code: 'request.rate_limited' }),
    );
    await chooseFirstDoseAt0800();
    await fillDetails();
    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));
    expect((await screen.findByRole('alert')).textContent).toContain('You already have a booking for this vaccine');

    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Too many requests, try again in a minute.'));
  });
});
