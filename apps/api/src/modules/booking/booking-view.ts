import type { BookedAppointment, DoseKind } from '@vaccinate/api-contracts';
import type { SlotPlace } from './slot-place.repository';

/** A booking with what its mails and pages show: decrypted, so never logged. */
export interface BookingView {
  id: string;
  code: string;
  status: 'active' | 'cancelled';
  locale: 'de' | 'en';
  product: { id: string; name: string };
  person: { givenName: string; familyName: string; email: string };
  manageToken: string;
  appointments: (BookedAppointment & { slotId: string; doseKind: DoseKind })[];
}

/** What a reservation wrote, known before it is read back. */
export interface ReservedBooking {
  code: string;
  locale: 'de' | 'en';
  manageToken: string;
  product: { id: string; name: string };
  person: BookingView['person'];
  doses: { slotId: string; kind: DoseKind; doseNumber: number }[];
}

/**
 * A booking as just reserved, in the shape the booking answer and the confirmation mail read:
 * built from what was written and the slots' places, so confirming needs no read back.
 */
export function reservedBookingView(booking: ReservedBooking, ids: { bookingId: string; appointmentIds: string[] }, places: Map<string, SlotPlace>): BookingView {
  return {
    id: ids.bookingId,
    code: booking.code,
    status: 'active',
    locale: booking.locale,
    product: booking.product,
    person: booking.person,
    manageToken: booking.manageToken,
    appointments: booking.doses.map((dose, index) => {
      const place = places.get(dose.slotId);
      return {
        id: ids.appointmentIds[index] ?? '',
        slotId: dose.slotId,
        doseKind: dose.kind,
        doseNumber: dose.doseNumber,
        status: 'booked' as const,
        startsAt: place?.startsAt.toISOString() ?? '',
        endsAt: place?.endsAt.toISOString() ?? '',
        site: place?.site ?? { id: '', name: '', street: '', postalCode: '', city: '' },
      };
    }),
  };
}
