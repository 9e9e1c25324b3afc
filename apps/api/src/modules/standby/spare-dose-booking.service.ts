import { Inject, Injectable } from '@nestjs/common';
import type { DoseKind, VaccineProduct } from '@vaccinate/api-contracts';
import { doseKindOf, nextDoseNumber } from '@vaccinate/dose-schedule';
import { dateIn } from '../../common/time-zone';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { AllocationRepository, RegistrationNoLongerQueued } from '../allocation/allocation.repository';
import { AvailabilityNotifications } from '../booking/availability-notifications';
import { hashManageToken, newBookingCode, newManageToken } from '../booking/booking-code';
import { BookingRepository, ReservationRefused, type NewPerson, type ReservedDose } from '../booking/booking.repository';
import { bookingMail } from '../booking/booking-mail';
import { reservedBookingView } from '../booking/booking-view';
import { BookingViewRepository } from '../booking/booking-view.repository';
import { SlotDirectory } from '../booking/slot-directory';
import { CatalogueService } from '../catalogue/catalogue.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { PersonRepository } from '../people/person.repository';
import { VaccinationRepository } from '../vaccination/vaccination.repository';
import { StandbyOfferRepository, type ConfirmOutcome, type OpenOffer, type TakeOffer } from './standby-offer.repository';

/**
 * A confirmed spare dose is an appointment on the running day, booked in the transaction that takes
 * the offer: it shows on the day board like any booking, and staff check the person in as booked.
 * A free place of the day is used first; when none is left, the next slot gets one more place (the
 * dose is on site already). A member from a booking has that booking's next appointment moved to today.
 * Either way the person gets the mail a booking gets (a confirmation, or the change of their booking),
 * written before the offer is taken, so a confirmation that does not commit mails nothing.
 */
@Injectable()
export class SpareDoseBookingService {
  constructor(
    private readonly offers: StandbyOfferRepository,
    private readonly bookings: BookingRepository,
    private readonly bookingViews: BookingViewRepository,
    private readonly people: PersonRepository,
    private readonly vaccinations: VaccinationRepository,
    private readonly registrations: AllocationRepository,
    private readonly catalogue: CatalogueService,
    private readonly slots: SlotDirectory,
    private readonly outbox: OutboxRepository,
    private readonly notifications: AvailabilityNotifications,
    private readonly sql: Sql,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async confirm(tokenHash: string): Promise<ConfirmOutcome> {
    const offer = await this.offers.openOffer(tokenHash);
    const day = offer ? await this.offers.runningDay(offer.siteId, offer.productId) : null;
    // No open offer (a second click, too late) or no day running here today: the offer is settled without a booking.
    if (!offer || !day) return this.offers.confirm(tokenHash);
    const changes: string[] = [];
    const outcome = await this.offers.confirm(tokenHash, async (take) => {
      try {
        return await this.book(offer, day, take, changes);
      } catch (error) {
        // Booked already for this product some other way, the last place gone meanwhile, the day over: the dose stays
        // theirs without an appointment, and staff see them on the confirmed list as before.
        if (error instanceof ReservationRefused || error instanceof RegistrationNoLongerQueued || error instanceof DayOver) return this.sql.transaction(take);
        throw error;
      }
    });
    if (outcome.outcome === 'confirmed' && changes.length > 0) {
      this.notifications.publish(changes);
      this.notifications.publishBoardChange(day.id);
    }
    return outcome;
  }

  private async book(offer: OpenOffer, day: { id: string; date: string }, take: TakeOffer, changes: string[]): Promise<string> {
    const moving = offer.bookingId ? await this.offers.nextAppointmentOf(offer.bookingId, offer.productId) : null;
    if (offer.bookingId && moving) {
      const bookingId = offer.bookingId;
      const place = await this.place(day.id, moving.kind);
      return this.sql.transaction(async (client) => {
        await this.bookingViews.byId(bookingId, client, true);
        if (place.spare) await this.bookings.addSparePlace(client, { slotId: place.slotId, kind: moving.kind });
        changes.push(
          ...(await this.bookings.moveAppointment(client, {
            appointmentId: moving.appointmentId,
            productId: offer.productId,
            toSlotId: place.slotId,
            kind: moving.kind,
            doseNumber: moving.doseNumber,
          })),
        );
        const moved = await this.bookingViews.byId(bookingId, client);
        if (moved) await this.outbox.enqueue(client, bookingMail('booking-changed', moved, this.config.publicUrl));
        return take(client);
      });
    }
    const person = await this.person(offer);
    if (!person) return this.sql.transaction(take);
    const product = await this.catalogue.product(offer.productId);
    const dose = await this.dose(person, product);
    const place = await this.place(day.id, dose.kind);
    const places = await this.slots.get([place.slotId]);
    const manageToken = newManageToken();
    const code = newBookingCode();
    const doses = [{ ...dose, slotId: place.slotId }];
    const reserved = { code, locale: offer.locale, manageToken, product: { id: product.id, name: product.name }, person, doses };
    let announcementId = '';
    const reservation = await this.bookings.reserve({
      person,
      productId: offer.productId,
      locale: offer.locale,
      code,
      manageToken,
      manageTokenHash: hashManageToken(manageToken),
      idempotencyKey: null,
      doses,
      sparePlace: place.spare,
      mail: (ids) => bookingMail('booking-confirmation', reservedBookingView(reserved, ids, places), this.config.publicUrl),
      alsoInTransaction: async (client, bookingId) => {
        announcementId = await take(client);
        if (offer.registrationId) await this.registrations.markBooked(client, offer.registrationId, bookingId);
      },
    });
    changes.push(...reservation.changes);
    return announcementId;
  }

  /** A free place of the day, or the next slot ahead with one place added for the spare dose. */
  private async place(dayId: string, kind: DoseKind): Promise<{ slotId: string; spare: boolean }> {
    const free = await this.bookings.nextFreeSlot(dayId, kind);
    if (free) return { slotId: free, spare: false };
    const next = await this.bookings.nextSlot(dayId);
    // The day's last slot has begun: nothing to book into, and the board no longer takes arrivals by appointment.
    if (!next) throw new DayOver();
    return { slotId: next, spare: true };
  }

  private async person(offer: OpenOffer): Promise<NewPerson | null> {
    if (offer.registrationId) {
      const registered = await this.offers.registrationPerson(offer.registrationId);
      return registered ? { ...registered, employeeNumber: null, locale: offer.locale } : null;
    }
    const personId = offer.bookingId ? await this.offers.bookingPersonId(offer.bookingId) : null;
    const known = personId ? await this.people.findById(personId) : null;
    return known
      ? { givenName: known.givenName, familyName: known.familyName, email: known.email, birthDate: known.birthDate, employeeNumber: known.employeeNumber }
      : null;
  }

  /** The dose the person is due, counted as a walk-in's is: from their documented doses of the product. */
  private async dose(person: NewPerson, product: VaccineProduct): Promise<Omit<ReservedDose, 'slotId'>> {
    const personId = await this.people.idByEmail(this.sql, person.email);
    const history = personId ? await this.vaccinations.history(personId, product.id) : [];
    const doseNumber = nextDoseNumber(history.map((given) => ({ doseNumber: given.doseNumber, date: dateIn(this.config.timeZone, given.administeredAt) })));
    return { kind: doseKindOf(doseNumber, product), doseNumber };
  }
}

/** Thrown inside the offer's transaction so the offer is settled without a booking. */
class DayOver extends Error {
  constructor() {
    super('no slot of the day is still ahead');
  }
}
