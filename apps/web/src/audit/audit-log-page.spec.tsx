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
  actorName: 'Dr. Grace Hopper',
  actorKind: 'staff',
  action: 'person.read',
  subjectType: 'person',
  subjectId: personId,
  subjectName: 'Ada Lovelace',
  requestId: `req-${index}`,
  clientIp: '10.0.0.1',
});

function renderAudit() {
  const mock = createFetchMock({
    'POST /api/audit-events/search': (request) => {
      const offset = (request.body as { offset: number }).offset;
      return jsonResponse({ items: Array.from({ length: offset === 0 ? 50 : 10 }, (_, index) => event(offset + index)), total: 60 });
    },
    'POST /api/audit-events/export.csv': () => new Response('occurred_at\n', { headers: { 'content-type': 'text/csv' } }),
  });
  renderWithTenant(<AuditLogPage />, { fetch: mock.fetch });
  return mock;
}

const lastBody = (mock: ReturnType<typeof createFetchMock>, path: string) =>
  (mock.requests.filter((request) => request.url === path).at(-1)?.body ?? {}) as Record<string, unknown>;

describe('audit log', () => {
  it('pages through the events', async () => {
    const mock = renderAudit();
    expect(await screen.findByText('1–50 of 60')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('51–60 of 60')).toBeTruthy();
    expect(lastBody(mock, '/api/audit-events/search').offset).toBe(50);
    expect(screen.getAllByRole('link', { name: 'Ada Lovelace' }).length).toBeGreaterThan(0);
    expect(screen.getAllByText('Dr. Grace Hopper').length).toBeGreaterThan(0);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Next' }).disabled).toBe(true);
  });

  it('filters by person and staff name, id, action and an inclusive date range, and exports the same filters, no name in a URL', async () => {
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
    await userEvent.type(screen.getByLabelText(/^Person’s name/), 'Lovelace');
    await userEvent.type(screen.getByLabelText(/^Staff name/), 'Hopper');
    await userEvent.type(screen.getByLabelText(/^Action/), 'person.read');
    await userEvent.type(screen.getByLabelText('From'), '2026-06-01');
    await userEvent.type(screen.getByLabelText('To (inclusive)'), '2026-06-01');
    await userEvent.click(screen.getByRole('button', { name: 'Show events' }));

    await waitFor(() => expect(lastBody(mock, '/api/audit-events/search').subjectId).toBe(personId));
    const query = lastBody(mock, '/api/audit-events/search');
    expect(query).toMatchObject({ action: 'person.read', person: 'Lovelace', staff: 'Hopper' });
    expect(Date.parse(String(query.to)) - Date.parse(String(query.from))).toBe(24 * 3600 * 1000);

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(lastBody(mock, '/api/audit-events/export.csv')).toMatchObject({ subjectId: personId, person: 'Lovelace' }));
    expect(mock.requests.map((request) => request.url).join(' ')).not.toMatch(/Lovelace|Hopper/);
  });

  it('marks a malformed person id and does not search', async () => {
    const mock = renderAudit();
    await screen.findByText('1–50 of 60');
    const input = screen.getByLabelText(/^Person id/);
    await userEvent.type(input, 'Ada Lovelace');
    await userEvent.click(screen.getByRole('button', { name: 'Show events' }));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input);
    expect(mock.requests.filter((request) => request.url === '/api/audit-events/search')).toHaveLength(1);
  });
});
