import { Type, type Static } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { Locale, Nullable, OneOf, Strict, Uuid } from './contract/schema';
import { BookingPerson } from './person';
import { DOSE_KINDS } from './vaccination-day';

const Slot = Strict({ slotId: Type.String(), startsAt: Type.String(), endsAt: Type.String(), free: Type.Integer() });

export const AvailableDay = Strict({
  dayId: Type.String(),
  date: Type.String(),
  siteId: Type.String(),
  slots: Type.Array(Slot),
  followUpAvailable: Type.Optional(
    Type.Boolean({ description: "First doses of a series only: whether a follow-up dose is free inside this day's interval at any site" }),
  ),
});
export type AvailableDay = Static<typeof AvailableDay>;

/** `GET /api/availability?productId=&doseKind=&siteId=` (public, cached). */
export const AvailabilityQuery = contract(
  'AvailabilityQuery',
  Strict({ productId: Uuid('must be a vaccine id'), doseKind: OneOf(DOSE_KINDS), siteId: Type.Optional(Uuid('must be a site id')) }),
);
export type AvailabilityQuery = Payload<typeof AvailabilityQuery>;

export const Availability = contract('Availability', Strict({ productId: Type.String(), doseKind: OneOf(DOSE_KINDS), days: Type.Array(AvailableDay) }));
export type Availability = Payload<typeof Availability>;

/** `GET /api/availability/follow-up?productId=&firstSlotId=&siteId=`: where dose 2 can go, at every site when `siteId` is absent. */
export const FollowUpAvailabilityQuery = contract(
  'FollowUpAvailabilityQuery',
  Strict({ productId: Uuid('must be a vaccine id'), firstSlotId: Uuid('must be a time slot id'), siteId: Type.Optional(Uuid('must be a site id')) }),
);
export type FollowUpAvailabilityQuery = Payload<typeof FollowUpAvailabilityQuery>;

export const FollowUpAvailability = contract(
  'FollowUpAvailability',
  Strict({ window: Strict({ earliest: Type.String(), recommended: Type.String(), latest: Type.String() }), days: Type.Array(AvailableDay) }),
);
export type FollowUpAvailability = Payload<typeof FollowUpAvailability>;

export const BOOKING_STATUSES = ['active', 'cancelled'] as const;

/**
 * `POST /api/bookings` (header `Idempotency-Key`). `GET /api/captcha/challenge` answers an ALTCHA
 * challenge; its solution goes in `captcha`.
 */
export const CreateBookingRequest = contract(
  'CreateBookingRequest',
  Strict({
    productId: Uuid('must be a vaccine id'),
    doseKind: OneOf(DOSE_KINDS),
    slotId: Uuid('must be a time slot id'),
    followUpSlotId: Type.Optional(Nullable(Uuid('must be a time slot id'))),
    person: BookingPerson,
    captcha: Type.String({ minLength: 1, maxLength: 4000, description: 'Base64 ALTCHA payload (or a reCAPTCHA token for tenants that use it)' }),
    locale: Type.Optional(Nullable(Locale())),
  }),
);
export type CreateBookingRequest = Payload<typeof CreateBookingRequest>;

const SiteAddress = Strict({ id: Type.String(), name: Type.String(), street: Type.String(), postalCode: Type.String(), city: Type.String() });
const Product = Strict({ id: Type.String(), name: Type.String() });

export const BookedAppointment = Strict({
  id: Type.String(),
  doseNumber: Type.Integer(),
  doseKind: OneOf(DOSE_KINDS),
  startsAt: Type.String(),
  endsAt: Type.String(),
  site: SiteAddress,
  status: OneOf(['booked', 'cancelled']),
});
export type BookedAppointment = Static<typeof BookedAppointment>;

/**
 * `POST /api/bookings` answers 201 with this; a retry with the same key answers the same booking.
 * `manageToken` is shown once: the manage link carries it in its fragment (`/booking/manage#<token>`),
 * and the manage routes take it in the `X-Manage-Token` header.
 */
export const BookingConfirmation = contract(
  'BookingConfirmation',
  Strict({ bookingCode: Type.String(), manageToken: Type.String(), product: Product, appointments: Type.Array(BookedAppointment) }),
);
export type BookingConfirmation = Payload<typeof BookingConfirmation>;

/** `GET /api/bookings/current` with `X-Manage-Token`. */
export const ManagedBooking = contract(
  'ManagedBooking',
  Strict({
    bookingCode: Type.String(),
    status: OneOf(BOOKING_STATUSES),
    product: Product,
    givenName: Type.String(),
    locale: OneOf(['de', 'en'], { description: 'The language of every mail and calendar file sent about this booking' }),
    appointments: Type.Array(BookedAppointment),
  }),
);
export type ManagedBooking = Payload<typeof ManagedBooking>;

/** `PUT /api/bookings/current/locale` with `X-Manage-Token`: the person's language for every later mail. */
export const BookingLocaleRequest = contract('BookingLocaleRequest', Strict({ locale: Locale() }));
export type BookingLocaleRequest = Payload<typeof BookingLocaleRequest>;

/** `POST /api/bookings/current/rebook` with `X-Manage-Token`. */
export const RebookRequest = contract('RebookRequest', Strict({ appointmentId: Uuid('must be an appointment id'), slotId: Uuid('must be a time slot id') }));
export type RebookRequest = Payload<typeof RebookRequest>;
