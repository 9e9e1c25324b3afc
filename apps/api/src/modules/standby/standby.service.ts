import { Injectable } from '@nestjs/common';
import type { FieldProblem } from '@vaccinate/api-contracts';
import { AppException, ValidationException } from '../../common/problem/app-exception';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { hashManageToken } from '../booking/booking-code';
import { CaptchaService } from '../captcha/captcha.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { AnnounceSpareDoses, StandbyOptIn, StandbySource } from '@vaccinate/api-contracts';
import { SpareDoseBookingService } from './spare-dose-booking.service';
import { SpareDoseProposalRepository, type SpareDoseProposal } from './spare-dose-proposal.repository';
import { StandbyDispatchService } from './standby-dispatch.service';
import { StandbyMemberRepository } from './standby-member.repository';
import { StandbyOfferRepository, type Announcement } from './standby-offer.repository';
import { StandbyException, StandbyExceptionCode } from './standby.exception';

export const DEFAULT_OFFER_MINUTES = 30;
export const DEFAULT_OVERBOOKING_FACTOR = 1.5;

/** Standby for spare doses: people opt in, staff announce doses, offers go out in waves, the first confirmations win. */
@Injectable()
export class StandbyService {
  constructor(
    private readonly members: StandbyMemberRepository,
    private readonly offers: StandbyOfferRepository,
    private readonly dispatcher: StandbyDispatchService,
    private readonly catalogue: CatalogueService,
    private readonly captcha: CaptchaService,
    private readonly audit: AuditService,
    private readonly sql: Sql,
    private readonly spareDoses: SpareDoseProposalRepository,
    private readonly spareBookings: SpareDoseBookingService,
  ) {}

  /** What the system proposes to announce: doses brought for today that nobody booked. */
  proposals(): Promise<SpareDoseProposal[]> {
    return this.spareDoses.today();
  }

  async join(dto: StandbyOptIn, clientIp: string): Promise<{ joined: true }> {
    assertPreferences(dto);
    if (!(await this.captcha.verify(dto.captcha, clientIp))) {
      throw new AppException('captcha.invalid', 400, 'Please try again', 'The automatic check did not pass. Reload the page and try again.', [
        { field: 'captcha', message: 'did not pass' },
      ]);
    }
    const preferences = {
      siteIds: [...new Set(dto.siteIds ?? [])],
      timeWindows: (dto.timeWindows ?? []).map(({ from, to }) => ({ from, to })),
      quietFrom: dto.quietFrom ?? null,
      quietTo: dto.quietTo ?? null,
      phone: dto.phone ?? null,
    };
    const joined =
      dto.trackingCode && dto.birthDate
        ? await this.members.joinFromRegistration(dto.trackingCode, dto.birthDate, preferences)
        : await this.members.joinFromBooking(hashManageToken(dto.manageToken ?? ''), preferences);
    if (!joined) throw new StandbyException(StandbyExceptionCode.NotFound);
    return { joined: true };
  }

  /** Opting out works with what opting in took: tracking code and birth date, or the booking's manage token. */
  async leave(dto: StandbySource): Promise<{ left: true }> {
    if (!dto.manageToken && !(dto.trackingCode && dto.birthDate)) {
      throw new ValidationException([{ field: 'trackingCode', message: 'and birthDate, or a manageToken, are required' }]);
    }
    const left =
      dto.trackingCode && dto.birthDate
        ? await this.members.leaveFromRegistration(dto.trackingCode, dto.birthDate)
        : await this.members.leaveFromBooking(hashManageToken(dto.manageToken ?? ''));
    if (!left) throw new StandbyException(StandbyExceptionCode.NotFound);
    return { left: true };
  }

  async announce(dto: AnnounceSpareDoses, announcedBy: string): Promise<Announcement> {
    const until = new Date(dto.availableUntil);
    if (until.getTime() <= Date.now()) throw new StandbyException(StandbyExceptionCode.UntilInThePast);
    await this.catalogue.getSite(dto.siteId);
    await this.catalogue.product(dto.productId);
    const id = await this.offers.create({
      siteId: dto.siteId,
      productId: dto.productId,
      doses: dto.doses,
      availableUntil: until,
      offerMinutes: dto.offerMinutes ?? DEFAULT_OFFER_MINUTES,
      overbookingFactor: dto.overbookingFactor ?? DEFAULT_OVERBOOKING_FACTOR,
      announcedBy,
    });
    await this.dispatcher.dispatch(id);
    return this.announcement(id);
  }

  list(): Promise<Announcement[]> {
    return this.offers.list();
  }

  /** Who is coming for the spare doses; a staff read of personal data, so audited per member. */
  async confirmed(id: string): Promise<{ memberId: string; givenName: string; confirmedAt: string }[]> {
    await this.announcement(id);
    const members = await this.offers.confirmedMembers(id);
    await this.audit.record(
      this.sql,
      'standby_member',
      'list',
      members.map((member) => member.memberId),
    );
    return members;
  }

  async dispatchNow(id: string): Promise<Announcement> {
    await this.announcement(id);
    await this.dispatcher.dispatch(id);
    return this.announcement(id);
  }

  /** Confirms an offer and books its dose on the running day; a late confirmer gets a kind 'already taken', never a dose beyond the announced ones. */
  async confirm(token: string): Promise<{ status: 'confirmed'; announcement: Announcement }> {
    const result = await this.spareBookings.confirm(hashManageToken(token));
    if (result.outcome === 'not_found') throw new StandbyException(StandbyExceptionCode.OfferNotFound);
    if (result.outcome === 'already_taken') throw new StandbyException(StandbyExceptionCode.AlreadyTaken);
    if (result.outcome === 'expired') throw new StandbyException(StandbyExceptionCode.OfferExpired);
    return { status: 'confirmed', announcement: await this.announcement(result.announcementId) };
  }

  private async announcement(id: string): Promise<Announcement> {
    const found = await this.offers.find(id);
    if (!found) throw new StandbyException(StandbyExceptionCode.AnnouncementNotFound);
    return found;
  }
}

function assertPreferences(dto: StandbyOptIn): void {
  const problems: FieldProblem[] = [];
  const fromRegistration = dto.trackingCode !== undefined || dto.birthDate !== undefined;
  if (fromRegistration && (!dto.trackingCode || !dto.birthDate)) {
    problems.push({ field: dto.trackingCode ? 'birthDate' : 'trackingCode', message: 'is required with the other' });
  }
  if (!fromRegistration && !dto.manageToken) problems.push({ field: 'trackingCode', message: 'or a booking’s manageToken is required' });
  (dto.timeWindows ?? []).forEach((window, index) => {
    if (window.from >= window.to) problems.push({ field: `timeWindows.${index}.to`, message: 'must be later than from' });
  });
  if ((dto.quietFrom === undefined) !== (dto.quietTo === undefined)) {
    problems.push({ field: dto.quietFrom === undefined ? 'quietFrom' : 'quietTo', message: 'is required with the other' });
  }
  if (problems.length > 0) throw new ValidationException(problems);
}
