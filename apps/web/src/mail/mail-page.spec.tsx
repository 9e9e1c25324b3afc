import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { TenantApp } from '../app/tenant-app';
import { saveSession } from '../auth/session-store';
import { createI18n } from '../i18n/i18n';
import { createFetchMock, jsonResponse, problemResponse, type RecordedRequest } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { doctor } from '../test/staff-fixtures';
import { acme } from '../test/tenant-fixtures';
import { MailPage } from './mail-page';
import type { DeadLetter } from './outbox-api';

const admin = { ...doctor, displayName: 'Ida Admin', roles: ['admin' as const] };
const confirmationMail: DeadLetter = {
  id: '17',
  kind: 'mail',
  template: 'booking-confirmation',
  attempts: 8,
  lastError: 'provider_rejected: 550 mailbox unavailable',
  createdAt: '2026-12-01T07:00:00Z',
};
const reminderMail: DeadLetter = { ...confirmationMail, id: '18', template: 'appointment-reminder', lastError: null, createdAt: '2026-12-01T08:00:00Z' };

/** The dead letters as the API would list them after each replay call. */
function renderMail(replay: (request: RecordedRequest) => Response) {
  let dead = [confirmationMail, reminderMail];
  const mock = createFetchMock({
    'GET /api/outbox/status': () => jsonResponse({ pending: 3, sent: 120, dead: dead.length }),
    'GET /api/outbox/dead-letters': () => jsonResponse(dead),
    'GET /api/catalogue': () => jsonResponse({ products: [], sites: [], timeZone: 'Europe/Berlin' }),
    'POST /api/outbox/dead-letters/17/replay': (request) => {
      dead = dead.filter((letter) => letter.id !== '17');
      return replay(request);
    },
  });
  renderWithTenant(<MailPage />, { fetch: mock.fetch });
  return mock;
}

const listLoads = (mock: ReturnType<typeof createFetchMock>) => mock.requests.filter((r) => r.url === '/api/outbox/dead-letters').length;

async function sendAgain(template: string) {
  const cell = await screen.findByText(template);
  await userEvent.click(within(cell.closest('tr') as HTMLElement).getByRole('button', { name: 'Send again' }));
}

describe('outgoing mail page', () => {
  it('shows the counts and each dead letter with why it failed, newest first, in the tenant zone', async () => {
    renderMail(() => new Response(null, { status: 204 }));
    expect((await screen.findByTestId('outbox-dead')).textContent).toBe('2');
    expect(screen.getByTestId('outbox-pending').textContent).toBe('3');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual(['appointment-reminder', 'booking-confirmation']);
    expect(within(rows[1] as HTMLElement).getByRole('rowheader').textContent).toContain('08:00');
    expect(within(rows[1] as HTMLElement).getByText('provider_rejected: 550 mailbox unavailable')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('—')).toBeTruthy();
  });

  it('sends a dead letter again and reloads the list', async () => {
    const mock = renderMail(() => new Response(null, { status: 204 }));
    await sendAgain('booking-confirmation');

    const notice = await screen.findByText('The message is queued to be sent again.');
    expect(notice.closest('[role="status"]')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('booking-confirmation')).toBeNull());
    expect(mock.requests.find((r) => r.method === 'POST')?.url).toBe('/api/outbox/dead-letters/17/replay');
    expect(listLoads(mock)).toBe(2);
    expect(screen.getByTestId('outbox-dead').textContent).toBe('1');
  });

  it('explains a letter someone else already sent again and reloads the list', async () => {
    const mock = renderMail(() => problemResponse({ status: 404, code: 'outbox.not_dead', title: 'No such dead letter' }));
    await sendAgain('booking-confirmation');

    expect(await screen.findByText('This message had already been sent again. The list has been refreshed.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('booking-confirmation')).toBeNull());
    expect(listLoads(mock)).toBe(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows any other failure and keeps the list as it is', async () => {
    const mock = renderMail(() => problemResponse({ status: 503, code: 'http.503' }));
    await sendAgain('booking-confirmation');

    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong on our side');
    expect(listLoads(mock)).toBe(1);
    expect((screen.getAllByRole('button', { name: 'Send again' })[0] as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('outgoing mail in the staff navigation', () => {
  function renderAppAs(staff: typeof doctor) {
    saveSession({ accessToken: 'token-1', expiresIn: 600 });
    const mock = createFetchMock({
      'GET /api/auth/me': () => jsonResponse(staff),
      'GET /api/outbox/status': () => jsonResponse({ pending: 0, sent: 0, dead: 0 }),
      'GET /api/outbox/dead-letters': () => jsonResponse([]),
    });
    vi.stubGlobal('fetch', mock.fetch);
    window.history.replaceState(null, '', '/staff/mail');
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <BrowserRouter>
          <TenantApp tenant={acme} />
        </BrowserRouter>
      </I18nextProvider>,
    );
    return mock;
  }

  it('is offered to admins', async () => {
    renderAppAs(admin);
    const nav = await screen.findByRole('navigation', { name: 'Staff' });
    expect(within(nav).getByRole('link', { name: 'Outgoing mail' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByText('There are no undelivered messages.')).toBeTruthy();
  });

  it('is neither offered nor shown to other staff', async () => {
    const mock = renderAppAs(doctor);
    const nav = await screen.findByRole('navigation', { name: 'Staff' });
    expect(within(nav).queryByRole('link', { name: 'Outgoing mail' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'No access' })).toBeTruthy();
    expect(mock.requests.some((r) => r.url.startsWith('/api/outbox'))).toBe(false);
  });
});
