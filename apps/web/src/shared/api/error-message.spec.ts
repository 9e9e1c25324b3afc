import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { ApiClient } from './api-client';
import { ApiNetworkError, ApiProblemError, ApiTimeoutError } from './api-error';
import { describeError, describeFieldProblem, isRetryable } from './error-message';

const problem = (status: number, code: string, detail = 'An English sentence from the API on 2026-12-27.') =>
  new ApiProblemError({ type: 'about:blank', title: 'English title', status, code, requestId: 'r1', detail });

describe('describeError', () => {
  it('words a known code in the reader’s language, with the values a page adds', () => {
    const { t } = createI18n('de');
    expect(describeError(problem(400, 'booking.follow_up_out_of_window'), t)).toBe(
      'Mit diesem Datum wird der Abstand zwischen den Dosen Ihrer Impfserie nicht eingehalten.',
    );
    expect(describeError(problem(409, 'booking.slot_full'), createI18n('en').t)).toBe('This time was just taken. Please choose another one.');
  });

  it('never shows the API’s own title or detail, whatever the code', () => {
    for (const status of [400, 404, 409, 418, 422, 500]) {
      const text = describeError(problem(status, 'something.unknown_to_the_page'), createI18n('de').t);
      expect(text).not.toContain('English');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });

  it('tells a request without an answer from one that was refused, and both may be retried', () => {
    const { t } = createI18n('en');
    expect(describeError(new ApiTimeoutError(15_000), t)).toMatch(/has not answered/);
    expect(describeError(new ApiNetworkError(new TypeError('offline')), t)).toMatch(/could not reach/);
    expect(isRetryable(new ApiTimeoutError(15_000))).toBe(true);
    expect(isRetryable(problem(409, 'booking.slot_full'))).toBe(false);
  });

  it('words a field problem by its code, else by its rule, else asks to check the field', () => {
    const { t } = createI18n('de');
    expect(describeFieldProblem({ field: 'person.employeeNumber', message: 'taken' }, t, 'booking.employee_number_taken')).toMatch(/^Diese Personalnummer/);
    expect(describeFieldProblem({ field: 'trackingCode', message: 'must match', rule: 'pattern' }, t)).toBe('Bitte prüfen Sie das Format dieses Felds.');
    expect(describeFieldProblem({ field: 'x', message: 'must be something' }, t)).toBe('Bitte prüfen Sie dieses Feld.');
    expect(describeFieldProblem({ field: 'x', message: 'must be something', rule: 'pattern' }, t, undefined, ' ')).toBe('Bitte füllen Sie dieses Feld aus.');
  });
});

describe('ApiClient time limit', () => {
  it('gives up on a hanging answer with ApiTimeoutError', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const client = new ApiClient({ baseUrl: '/api', getAccessToken: () => null, fetch: hanging });
    await expect(client.post('/bookings', {}, { timeoutMs: 20 })).rejects.toBeInstanceOf(ApiTimeoutError);
  });
});
