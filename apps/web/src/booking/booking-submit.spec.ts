import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../shared/api/api-client';
import { ApiNetworkError } from '../shared/api/api-error';
import { confirmation } from '../test/booking-fixtures';
import { createFetchMock, jsonResponse, problemResponse } from '../test/fetch-mock';
import { submitBooking } from './booking-submit';

const request = {
  productId: 'prod-comirnaty',
  doseKind: 'first' as const,
  slotId: 'slot-0800',
  person: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@acme.example', birthDate: '1990-12-10' },
};

describe('submitBooking', () => {
  it('retries a lost request with the same key, body and captcha', async () => {
    let calls = 0;
    const mock = createFetchMock({ 'POST /api/bookings': () => jsonResponse(confirmation(), 201) });
    const flaky = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls += 1;
      const response = await mock.fetch(input, init);
      if (calls === 1) throw new TypeError('Failed to fetch');
      if (calls === 2) return problemResponse({ status: 503, code: 'http.503' });
      return response;
    }) as typeof fetch;
    const api = new ApiClient({ baseUrl: '/api', getAccessToken: () => null, fetch: flaky });
    const captcha = vi.fn().mockResolvedValue('solution');
    const wait = vi.fn().mockResolvedValue(undefined);

    const booked = await submitBooking(api, request, { idempotencyKey: 'key-1', captcha, wait });

    expect(booked.bookingCode).toBe('K7Q-4M2P');
    expect(mock.requests.map((r) => r.headers['idempotency-key'])).toEqual(['key-1', 'key-1', 'key-1']);
    expect(new Set(mock.requests.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(captcha).toHaveBeenCalledTimes(1);
    expect(wait.mock.calls).toEqual([[1_000], [3_000]]);
  });

  it('gives up after the retries and never retries a refusal', async () => {
    const offline = vi.fn().mockRejectedValue(new TypeError('Failed to fetch')) as unknown as typeof fetch;
    const api = new ApiClient({ baseUrl: '/api', getAccessToken: () => null, fetch: offline });
    const options = { idempotencyKey: 'key-2', captcha: () => Promise.resolve('s'), wait: () => Promise.resolve() };
    await expect(submitBooking(api, request, options)).rejects.toBeInstanceOf(ApiNetworkError);
    expect(offline).toHaveBeenCalledTimes(3);

    const full = createFetchMock({ 'POST /api/bookings': () => problemResponse({ status: 409, code: 'booking.slot_full' }) });
    await expect(submitBooking(new ApiClient({ baseUrl: '/api', getAccessToken: () => null, fetch: full.fetch }), request, options)).rejects.toMatchObject({
      code: 'booking.slot_full',
    });
    expect(full.requests).toHaveLength(1);
  });
});
