import type { AuditEvent } from '@vaccinate/api-contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFetchMock, jsonResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { AuditLogPage } from './audit-log-page';

const personId = '9f1c2d4e-0000-4000-8000-000000000001';
const event = (index: number): AuditEvent => ({
  id: String(index),
  occurredAt: '2026-06-01T08:00:00Z',
  actorSubject: 'staff-1',
  actorKind: 'staff',
  action: 'person.read',
  subjectType: 'person',
  subjectId: personId,
  requestId: `req-${index}`,
  clientIp: '10.0.0.1',
});

function renderAudit() {
  const mock = createFetchMock({
    'GET /api/audit-events': (request) => {
      const offset = Number(new URL(request.url, 'http://test.invalid').searchParams.get('offset'));
      return jsonResponse({ items: Array.from({ length: offset === 0 ? 50 : 10 }, (_, index) => event(offset + index)), total: 60 });
    },
    'GET /api/audit-events/export.csv': () => new Response('occurred_at\n', { headers: { 'content-type': 'text/csv' } }),
  });
  renderWithTenant(<AuditLogPage />, { fetch: mock.fetch });
  return mock;
}

const lastQuery = (mock: ReturnType<typeof createFetchMock>, path: string) =>
  new URL(mock.requests.filter((request) => request.url.startsWith(path)).at(-1)?.url ?? '', 'http://test.invalid').searchParams;

describe('audit log', () => {
  it('pages through the events', async () => {
    const mock = renderAudit();
    expect(await screen.findByText('1–50 of 60')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('51–60 of 60')).toBeTruthy();
    expect(lastQuery(mock, '/api/audit-events?').get('offset')).toBe('50');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Next' }).disabled).toBe(true);
  });

  it('filters by person, action and an inclusive date range, and exports the same filters', async () => {
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = () => 'blob:audit';
        static override revokeObjectURL = () => undefined;
      },
    );
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const mock = renderAudit();
    await screen.findByText('1–50 of 60');
    await userEvent.type(screen.getByLabelText(/^Person id/), personId);
    await userEvent.type(screen.getByLabelText(/^Action/), 'person.read');
    await userEvent.type(screen.getByLabelText('From'), '2026-06-01');
    await userEvent.type(screen.getByLabelText('To (inclusive)'), '2026-06-01');
    await userEvent.click(screen.getByRole('button', { name: 'Show events' }));

    await waitFor(() => expect(lastQuery(mock, '/api/audit-events?').get('subjectId')).toBe(personId));
    const query = lastQuery(mock, '/api/audit-events?');
    expect(query.get('action')).toBe('person.read');
    expect(Date.parse(query.get('to') ?? '') - Date.parse(query.get('from') ?? '')).toBe(24 * 3600 * 1000);

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(lastQuery(mock, '/api/audit-events/export.csv').get('subjectId')).toBe(personId));
  });

  it('marks a malformed person id and does not search', async () => {
    const mock = renderAudit();
    await screen.findByText('1–50 of 60');
    const input = screen.getByLabelText(/^Person id/);
    await userEvent.type(input, 'Ada Lovelace');
    await userEvent.click(screen.getByRole('button', { name: 'Show events' }));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input);
    expect(mock.requests.filter((request) => request.url.startsWith('/api/audit-events?'))).toHaveLength(1);
  });
});
