import type { BookedAppointment, DoseKind } from '@vaccinate/api-contracts';

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
