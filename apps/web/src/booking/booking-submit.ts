import type { BookingConfirmation, CreateBookingRequest } from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';
import { ApiNetworkError, ApiProblemError } from '../shared/api/api-error';
import { postBooking } from './booking-api';

/** Waits between retries of a request that got no answer: 1 s, then 3 s. */
const RETRY_DELAYS_MS = [1_000, 3_000];

export interface SubmitBookingOptions {
  idempotencyKey: string;
  /** Resolves the captcha solution; asked once, its answer reused by every retry. */
  captcha: () => Promise<string>;
  wait?: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Books with one idempotency key: a request lost on the network (or a 502 from a restarting pod)
 * is sent again with the same key and body, so it books at most once whatever got through.
 */
export async function submitBooking(
  api: ApiClient,
  request: Omit<CreateBookingRequest, 'captcha'>,
  { idempotencyKey, captcha, wait = sleep }: SubmitBookingOptions,
): Promise<BookingConfirmation> {
  const body: CreateBookingRequest = { ...request, captcha: await captcha() };
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await postBooking(api, body, idempotencyKey);
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !isTransient(error)) throw error;
      await wait(delay);
    }
  }
}

function isTransient(error: unknown): boolean {
  return error instanceof ApiNetworkError || (error instanceof ApiProblemError && [502, 503, 504].includes(error.status));
}

/** What the journey does with a refused booking; each has its own message and next step. */
export type BookingRefusal =
  | { kind: 'slot_full' }
  | { kind: 'sold_out' }
  | { kind: 'already_booked' }
  | { kind: 'not_eligible' }
  | { kind: 'rate_limited' }
  | { kind: 'invalid' }
  | { kind: 'other' };

export function classifyBookingError(error: unknown): BookingRefusal {
  if (!(error instanceof ApiProblemError)) return { kind: 'other' };
  switch (error.code) {
    case 'booking.slot_full':
      return { kind: 'slot_full' };
    case 'booking.sold_out':
      return { kind: 'sold_out' };
    case 'booking.already_booked':
      return { kind: 'already_booked' };
    case 'booking.not_eligible':
      return { kind: 'not_eligible' };
  }
  if (error.status === 429) return { kind: 'rate_limited' };
  if (error.status === 400 && error.fieldProblems.length > 0) return { kind: 'invalid' };
  return { kind: 'other' };
}
