import type {
  Availability,
  AvailabilityQuery,
  BookingConfirmation,
  BookingLocaleRequest,
  CreateBookingRequest,
  FollowUpAvailability,
  FollowUpAvailabilityQuery,
  ManagedBooking,
  PublicCatalogue,
  RebookRequest,
} from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

/** Header the manage routes read; the token never travels in a URL the server sees. */
const MANAGE_TOKEN_HEADER = 'X-Manage-Token';

function withSignal(signal?: AbortSignal) {
  return signal ? { signal } : {};
}

export function fetchCatalogue(api: ApiClient, signal?: AbortSignal): Promise<PublicCatalogue> {
  return api.get<PublicCatalogue>('/catalogue', withSignal(signal));
}

export function fetchAvailability(api: ApiClient, query: AvailabilityQuery, signal?: AbortSignal): Promise<Availability> {
  return api.get<Availability>('/availability', {
    query: { productId: query.productId, doseKind: query.doseKind, siteId: query.siteId },
    ...withSignal(signal),
  });
}

export function fetchFollowUpAvailability(api: ApiClient, query: FollowUpAvailabilityQuery, signal?: AbortSignal): Promise<FollowUpAvailability> {
  return api.get<FollowUpAvailability>('/availability/follow-up', {
    query: { productId: query.productId, firstSlotId: query.firstSlotId, siteId: query.siteId },
    ...withSignal(signal),
  });
}

/** How long a person waits for a booking's answer before being told and offered a safe retry. */
export const BOOKING_TIMEOUT_MS = 15_000;

/** One POST; the caller keeps the key for retries, so a retried request never books twice. */
export function postBooking(api: ApiClient, request: CreateBookingRequest, idempotencyKey: string): Promise<BookingConfirmation> {
  return api.post<BookingConfirmation>('/bookings', request, { headers: { 'Idempotency-Key': idempotencyKey }, timeoutMs: BOOKING_TIMEOUT_MS });
}

function manageHeaders(token: string) {
  return { headers: { [MANAGE_TOKEN_HEADER]: token } };
}

export function fetchManagedBooking(api: ApiClient, token: string, signal?: AbortSignal): Promise<ManagedBooking> {
  return api.get<ManagedBooking>('/bookings/current', { ...manageHeaders(token), ...withSignal(signal) });
}

export function cancelBooking(api: ApiClient, token: string): Promise<ManagedBooking> {
  return api.post<ManagedBooking>('/bookings/current/cancel', {}, manageHeaders(token));
}

export function rebookAppointment(api: ApiClient, token: string, request: RebookRequest): Promise<ManagedBooking> {
  return api.post<ManagedBooking>('/bookings/current/rebook', request, manageHeaders(token));
}

/** Every later mail and calendar file about the booking in this language. */
export function changeBookingLocale(api: ApiClient, token: string, request: BookingLocaleRequest): Promise<ManagedBooking> {
  return api.request<ManagedBooking>('PUT', '/bookings/current/locale', { ...manageHeaders(token), body: request });
}

export function fetchCalendarFile(api: ApiClient, token: string): Promise<Blob> {
  return api.blob('/bookings/current/calendar.ics', {
    headers: { [MANAGE_TOKEN_HEADER]: token, accept: 'text/calendar, application/problem+json' },
  });
}
