import type { DoseKind } from './vaccination-day';

/** `GET /api/availability?productId=&doseKind=&siteId=` (public, cached). */
export interface Availability {
  productId: string;
  doseKind: DoseKind;
  days: AvailableDay[];
}

export interface AvailableDay {
  dayId: string;
  date: string;
  siteId: string;
  slots: { slotId: string; startsAt: string; endsAt: string; free: number }[];
}

/** `GET /api/availability/follow-up?productId=&firstSlotId=&siteId=`: where dose 2 can go. */
export interface FollowUpAvailability {
  window: { earliest: string; recommended: string; latest: string };
  days: AvailableDay[];
}

/** `GET /api/captcha/challenge` answers an ALTCHA challenge; its solution goes in `captcha`. */
export interface CreateBookingRequest {
  productId: string;
  doseKind: DoseKind;
  slotId: string;
  /** Required when the product has a follow-up dose and doseKind is `first`. */
  followUpSlotId?: string;
  person: {
    givenName: string;
    familyName: string;
    email: string;
    birthDate: string;
    employeeNumber?: string;
  };
  /** Base64 ALTCHA payload (or a reCAPTCHA token for tenants that use it). */
  captcha: string;
  /** Language of the confirmation mail; the tenant's default when absent. */
  locale?: 'de' | 'en';
}

export interface BookedAppointment {
  id: string;
  doseNumber: number;
  doseKind: DoseKind;
  startsAt: string;
  endsAt: string;
  site: { id: string; name: string; street: string; postalCode: string; city: string };
  status: 'booked' | 'cancelled';
}

/**
 * `POST /api/bookings` (header `Idempotency-Key`) answers 201 with this; a retry with the same key
 * answers the same booking. `manageToken` is shown once: the manage link carries it in its fragment
 * (`/booking/manage#<token>`), and the manage routes take it in the `X-Manage-Token` header.
 */
export interface BookingConfirmation {
  bookingCode: string;
  manageToken: string;
  product: { id: string; name: string };
  appointments: BookedAppointment[];
}

/** `GET /api/bookings/current` with `X-Manage-Token`. */
export interface ManagedBooking {
  bookingCode: string;
  status: 'active' | 'cancelled';
  product: { id: string; name: string };
  givenName: string;
  appointments: BookedAppointment[];
}

/** `POST /api/bookings/current/rebook` with `X-Manage-Token`. */
export interface RebookRequest {
  appointmentId: string;
  slotId: string;
}
