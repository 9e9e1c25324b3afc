import { Inject, Injectable } from '@nestjs/common';
import type { BoardEntry, CheckInRequest, WalkInRequest } from '@vaccinate/api-contracts';
import { doseKindOf, nextDoseNumber, ageEligibility } from '@vaccinate/dose-schedule';
import { ValidationException } from '../../common/problem/app-exception';
import { currentActor } from '../../common/request-context';
import { dateIn } from '../../common/time-zone';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { AvailabilityNotifications } from '../booking/availability-notifications';
import { BookingRepository, ReservationRefused } from '../booking/booking.repository';
import { BookingService } from '../booking/booking.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { PersonRepository } from '../people/person.repository';
import { VaccinationRepository } from '../vaccination/vaccination.repository';
import { RunningDay } from './running-day';
import { VisitException, VisitExceptionCode } from './visit.exception';
import { VisitRepository } from './visit.repository';

/** Arrival at the site: a booked person by QR, code or name; a walk-in is booked into the day first. */
@Injectable()
export class CheckInService {
  constructor(
    private readonly visits: VisitRepository,
    private readonly vaccinations: VaccinationRepository,
    private readonly runningDay: RunningDay,
    private readonly bookings: BookingService,
    private readonly bookingRepository: BookingRepository,
    private readonly people: PersonRepository,
    private readonly catalogue: CatalogueService,
    private readonly audit: AuditService,
    private readonly notifications: AvailabilityNotifications,
    private readonly sql: Sql,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async checkIn(dayId: string, request: CheckInRequest): Promise<BoardEntry> {
    assertIdentityChecked(request.identityChecked);
    if (!request.bookingCode && !request.appointmentId) {
      throw new ValidationException([{ field: 'bookingCode', message: 'give the booking code or pick the appointment' }]);
    }
    await this.runningDay.assert(dayId);
    const appointment = await this.visits.findAppointment(dayId, request);
    if (!appointment) throw new VisitException(VisitExceptionCode.AppointmentNotFound);
    if (appointment.status !== 'booked') throw new VisitException(VisitExceptionCode.AppointmentNotFound, 'This appointment was cancelled.');
    await this.sql.transaction(async (client) => {
      const visitId = await this.visits.checkIn(client, {
        appointmentId: appointment.appointmentId,
        dayId,
        personId: appointment.personId,
        walkIn: false,
        checkedInBy: currentActor(),
        identityDocument: request.identityDocument,
      });
      if (!visitId) throw new VisitException(VisitExceptionCode.AlreadyCheckedIn);
      await this.audit.record(client, 'person', 'check_in', [appointment.personId]);
    });
    this.notifications.publishBoardChange(dayId);
    return this.entry(dayId, appointment.appointmentId);
  }

  async walkIn(dayId: string, request: WalkInRequest): Promise<BoardEntry> {
    assertIdentityChecked(request.identityChecked);
    const day = await this.runningDay.assert(dayId);
    const product = await this.catalogue.product(request.productId);
    const eligibility = ageEligibility(product, request.person.birthDate, day.date);
    if (!eligibility.eligible) {
      throw new ValidationException([{ field: 'person.birthDate', message: `is outside ${product.name}'s age limits (${eligibility.reason.replace('_', ' ')})` }]);
    }
    const personId = await this.people.idByEmail(this.sql, request.person.email);
    const history = personId ? await this.vaccinations.history(personId, product.id) : [];
    const doseNumber = nextDoseNumber(history.map((dose) => ({ doseNumber: dose.doseNumber, date: dateIn(this.config.timeZone, dose.administeredAt) })));
    const kind = doseKindOf(doseNumber, product);
    const slotId = await this.bookingRepository.nextFreeSlot(dayId, kind);
    if (!slotId) throw new VisitException(VisitExceptionCode.NoCapacity);
    let booked: { appointmentId: string };
    try {
      booked = await this.bookings.bookOnSite(
        { ...request.person, employeeNumber: request.person.employeeNumber?.trim() || null, locale: request.locale ?? null },
        product,
        { slotId, kind, doseNumber },
        request.locale ?? this.config.branding.defaultLocale,
      );
    } catch (error) {
      if (!(error instanceof ReservationRefused)) throw error;
      if (error.reason === 'already_booked') throw new VisitException(VisitExceptionCode.AlreadyBooked);
      if (error.reason === 'employee_number_taken') throw new ValidationException([{ field: 'person.employeeNumber', message: 'belongs to another person' }]);
      throw new VisitException(VisitExceptionCode.NoCapacity);
    }
    const appointment = await this.visits.findAppointment(dayId, { appointmentId: booked.appointmentId });
    await this.sql.transaction(async (client) => {
      await this.visits.checkIn(client, {
        appointmentId: booked.appointmentId,
        dayId,
        personId: appointment?.personId as string,
        walkIn: true,
        checkedInBy: currentActor(),
        identityDocument: request.identityDocument,
      });
      await this.audit.record(client, 'person', 'check_in', [appointment?.personId as string]);
    });
    this.notifications.publishBoardChange(dayId);
    return this.entry(dayId, booked.appointmentId);
  }

  private async entry(dayId: string, appointmentId: string): Promise<BoardEntry> {
    const [entry] = await this.visits.board(dayId, appointmentId);
    if (!entry) throw new VisitException(VisitExceptionCode.AppointmentNotFound);
    return entry;
  }
}

function assertIdentityChecked(checked: boolean): void {
  if (checked !== true) throw new ValidationException([{ field: 'identityChecked', message: 'must be confirmed: check the identity document first' }]);
}
