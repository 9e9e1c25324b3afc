import { Inject, Injectable } from '@nestjs/common';
import type { BookingConfirmation, CreateBookingRequest, ManagedBooking, VaccineProduct } from '@vaccinate/api-contracts';
import { ageEligibility, firstDoseNumberOf, followUpWindow, isWithin, needsFollowUpReservation } from '@vaccinate/dose-schedule';
import type { PoolClient } from 'pg';
import { ValidationException } from '../../common/problem/app-exception';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { CaptchaService } from '../captcha/captcha.service';
import { Sql } from '../../database/sql';
import { CatalogueService } from '../catalogue/catalogue.service';
import { hashManageToken, newBookingCode, newManageToken } from './booking-code';
import { bookingCalendar, bookingMail } from './booking-mail';
import { reservedBookingView, type BookingView } from './booking-view';
import { BookingViewRepository } from './booking-view.repository';
import { BookingException, BookingExceptionCode } from './booking.exception';
import { BookingGroupCommit } from './booking-group-commit';
import { BookingRepository, ReservationRefused, type NewBooking, type NewPerson, type ReservedDose } from './booking.repository';
import { AvailabilityNotifications } from './availability-notifications';
import { RecentBookings } from './recent-bookings';
import { SlotDirectory } from './slot-directory';
import { SoldOutSlots } from './sold-out-slots';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9-]{16,64}$/;

/** Self-service booking: both doses reserved in one transaction, never beyond capacity or stock. */
@Injectable()
export class BookingService {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly groupCommit: BookingGroupCommit,
    private readonly views: BookingViewRepository,
    private readonly catalogue: CatalogueService,
    private readonly slots: SlotDirectory,
    private readonly soldOut: SoldOutSlots,
    private readonly captcha: CaptchaService,
    private readonly recent: RecentBookings,
    private readonly notifications: AvailabilityNotifications,
    private readonly sql: Sql,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async create(request: CreateBookingRequest, idempotencyKey: string | undefined, clientIp: string): Promise<BookingConfirmation> {
    if (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey)) throw new BookingException(BookingExceptionCode.IdempotencyKeyInvalid);
    const replay = await this.replay(idempotencyKey, request.productId);
    if (replay) return replay;
    if (this.config.requireEmployeeNumber && !request.person.employeeNumber?.trim()) {
      throw new ValidationException([{ field: 'person.employeeNumber', message: 'is required by your company' }]);
    }
    if (!(await this.captcha.verify(request.captcha, clientIp))) throw new BookingException(BookingExceptionCode.CaptchaInvalid);
    return this.book(request, idempotencyKey);
  }

  /**
   * Books for the waiting list's allocator: the same rules and transaction as self-service, without
   * a captcha; `alsoInTransaction` commits with the booking, and the idempotency key makes a retry
   * return the first booking.
   */
  async bookForWaitingList(
    request: Omit<CreateBookingRequest, 'captcha'>,
    idempotencyKey: string,
    alsoInTransaction: (client: PoolClient, bookingId: string) => Promise<void>,
  ): Promise<BookingConfirmation> {
    const replay = await this.replay(idempotencyKey, request.productId);
    if (replay) return replay;
    return this.book(request, idempotencyKey, alsoInTransaction);
  }

  private async book(
    request: Omit<CreateBookingRequest, 'captcha'>,
    idempotencyKey: string,
    alsoInTransaction?: (client: PoolClient, bookingId: string) => Promise<void>,
  ): Promise<BookingConfirmation> {
    const product = await this.catalogue.product(request.productId);
    if (!product.active) throw new BookingException(BookingExceptionCode.NotOffered);
    const doses = await this.dosesToReserve(request, product);
    const places = await this.slots.get(doses.map((dose) => dose.slotId));
    const code = newBookingCode();
    const manageToken = newManageToken();
    const locale = request.locale ?? this.config.branding.defaultLocale;
    const person = {
      givenName: request.person.givenName,
      familyName: request.person.familyName,
      email: request.person.email,
      birthDate: request.person.birthDate,
      employeeNumber: request.person.employeeNumber?.trim() || null,
      locale: request.locale ?? null,
    };
    const viewOf = (bookingId: string, appointmentIds: string[]): BookingView =>
      reservedBookingView({ code, locale, manageToken, product: { id: product.id, name: product.name }, person, doses }, { bookingId, appointmentIds }, places);
    try {
      const booking: NewBooking = {
        person,
        productId: product.id,
        locale,
        code,
        manageToken,
        manageTokenHash: hashManageToken(manageToken),
        idempotencyKey,
        doses,
        mail: (ids) => bookingMail('booking-confirmation', viewOf(ids.bookingId, ids.appointmentIds), this.config.publicUrl),
      };
      // Self-service bookings commit in batches; one that must commit with other work takes its own transaction.
      const { bookingId, appointmentIds, changes } = alsoInTransaction
        ? await this.bookings.reserve({ ...booking, alsoInTransaction })
        : await this.groupCommit.reserve(booking);
      this.notifications.publish(changes);
      this.recent.add(idempotencyKey);
      return confirmation(viewOf(bookingId, appointmentIds));
    } catch (error) {
      if (!(error instanceof ReservationRefused)) throw error;
      if (error.reason === 'idempotent_replay') {
        const again = await this.replay(idempotencyKey, request.productId);
        if (again) return again;
      }
      throw await this.explain(error);
    }
  }

  /**
   * Staff book a person on the spot (a walk-in): no captcha, no idempotency key, one dose in a slot
   * of the running day; a follow-up is booked at check-out. No confirmation mail (no "show this QR
   * code when you check in" to someone checked in already): check-out mails what was done and what
   * comes next. Refusals come back as ReservationRefused.
   */
  async bookOnSite(person: NewPerson, product: VaccineProduct, dose: ReservedDose, locale: 'de' | 'en'): Promise<{ bookingId: string; appointmentId: string }> {
    const code = newBookingCode();
    const manageToken = newManageToken();
    const { bookingId, appointmentIds, changes } = await this.bookings.reserve({
      person,
      productId: product.id,
      locale,
      code,
      manageToken,
      manageTokenHash: hashManageToken(manageToken),
      idempotencyKey: null,
      doses: [dose],
    });
    this.notifications.publish(changes);
    return { bookingId, appointmentId: appointmentIds[0] as string };
  }

  async current(token: string): Promise<ManagedBooking> {
    return managed(await this.byToken(token));
  }

  /** The person chose another language on the manage page: every later mail and calendar file uses it. */
  async changeLocale(token: string, locale: 'de' | 'en'): Promise<ManagedBooking> {
    const view = await this.byToken(token);
    await this.sql.transaction((client) => this.bookings.setLocale(client, view.id, locale));
    return managed({ ...view, locale });
  }

  async calendar(token: string): Promise<string> {
    return bookingCalendar(await this.byToken(token), this.config.publicUrl);
  }

  private async byToken(token: string): Promise<BookingView> {
    const view = token.length <= 100 ? await this.views.byManageTokenHash(hashManageToken(token)) : null;
    if (!view) throw new BookingException(BookingExceptionCode.NotFound);
    return view;
  }

  private async replay(idempotencyKey: string, productId: string): Promise<BookingConfirmation | null> {
    const existing = await this.bookings.findByIdempotencyKey(idempotencyKey);
    if (!existing) return null;
    if (existing.productId !== productId) throw new BookingException(BookingExceptionCode.IdempotencyKeyReused);
    const view = await this.views.byId(existing.id);
    return view ? confirmation(view) : null;
  }

  /** The doses this booking reserves, in time order, after the age and interval rules. */
  private async dosesToReserve(request: Omit<CreateBookingRequest, 'captcha'>, product: VaccineProduct): Promise<ReservedDose[]> {
    const ids = [request.slotId, ...(request.followUpSlotId ? [request.followUpSlotId] : [])];
    const places = await this.slots.get(ids);
    const first = places.get(request.slotId);
    if (!first) throw new BookingException(BookingExceptionCode.SlotNotFound);
    const eligibility = ageEligibility(product, request.person.birthDate, first.localDate);
    if (!eligibility.eligible) {
      const detail =
        eligibility.reason === 'too_young'
          ? `${product.name} is given from the age of ${eligibility.limitYears}.`
          : `${product.name} is given up to the age of ${eligibility.limitYears}.`;
      throw new BookingException(BookingExceptionCode.NotEligible, detail);
    }
    const doses: ReservedDose[] = [{ slotId: first.slotId, kind: request.doseKind, doseNumber: firstDoseNumberOf(request.doseKind, product) }];
    if (!needsFollowUpReservation(request.doseKind, product)) {
      if (request.followUpSlotId) throw new BookingException(BookingExceptionCode.NoFollowUp);
      return doses;
    }
    if (!request.followUpSlotId) throw new BookingException(BookingExceptionCode.FollowUpRequired);
    const second = places.get(request.followUpSlotId);
    if (!second) throw new BookingException(BookingExceptionCode.SlotNotFound, 'The second appointment does not exist any more.');
    const window = followUpWindow(product, 2, first.localDate);
    if (!isWithin(window, second.localDate)) {
      throw new BookingException(BookingExceptionCode.FollowUpOutOfWindow, `The second dose must be given between ${window.earliest} and ${window.latest}.`);
    }
    return [...doses, { slotId: second.slotId, kind: 'followUp', doseNumber: 2 }];
  }

  private async explain(refusal: ReservationRefused): Promise<BookingException> {
    switch (refusal.reason) {
      case 'already_booked':
        return new BookingException(BookingExceptionCode.AlreadyBooked);
      case 'employee_number_taken':
        return new BookingException(BookingExceptionCode.EmployeeNumberTaken);
      case 'day_full':
        if (refusal.slotId && refusal.kind) this.soldOut.markFull(refusal.slotId, refusal.kind);
        return new BookingException(BookingExceptionCode.SoldOut);
      case 'slot_full':
        if (refusal.slotId && refusal.kind && (await this.bookings.isExhausted(refusal.slotId, refusal.kind))) {
          this.soldOut.markFull(refusal.slotId, refusal.kind);
          return new BookingException(BookingExceptionCode.SlotFull);
        }
        return new BookingException(BookingExceptionCode.NotOffered);
      default:
        return new BookingException(BookingExceptionCode.NotOffered);
    }
  }
}

function publicAppointments(view: BookingView): BookingConfirmation['appointments'] {
  return view.appointments.map(({ slotId: _slot, ...appointment }) => appointment);
}

function confirmation(view: BookingView): BookingConfirmation {
  return { bookingCode: view.code, manageToken: view.manageToken, product: view.product, appointments: publicAppointments(view) };
}

function managed(view: BookingView): ManagedBooking {
  return {
    bookingCode: view.code,
    status: view.status,
    product: view.product,
    givenName: view.person.givenName,
    locale: view.locale,
    appointments: publicAppointments(view),
  };
}
