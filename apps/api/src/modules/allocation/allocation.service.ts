import { Injectable } from '@nestjs/common';
import type { VaccineProduct } from '@vaccinate/api-contracts';
import { followUpWindow, needsFollowUpReservation } from '@vaccinate/dose-schedule';
import { BookingException, BookingExceptionCode } from '../booking/booking.exception';
import { BookingService } from '../booking/booking.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { PriorityRulesService } from '../priority/priority-rules.service';
import { AllocationRepository, RegistrationNoLongerQueued, type CandidateSlot, type RegistrationToAllocate } from './allocation.repository';

/** Why a released registration is still queued; staff see the code, the web app words it. */
export type UnmetReason = 'not_eligible' | 'no_product_offered' | 'no_slot' | 'no_follow_up_slot' | 'not_released';

export type AllocationOutcome = 'booked' | 'unmet' | 'nothing_to_do';

const CANDIDATES = 20;
const RECHECK_MINUTES = 15;
/** Slots another booking took between the search and the reservation: look again, then give up for now. */
const TAKEN_MEANWHILE = new Set<string>([BookingExceptionCode.SlotFull, BookingExceptionCode.SoldOut, BookingExceptionCode.NotOffered]);

/** Books one released registration through the booking service: first dose and follow-up, with the booking mail. */
@Injectable()
export class AllocationService {
  constructor(
    private readonly repository: AllocationRepository,
    private readonly bookings: BookingService,
    private readonly catalogue: CatalogueService,
    private readonly priorities: PriorityRulesService,
  ) {}

  async allocate(registrationId: string): Promise<AllocationOutcome> {
    const registration = await this.repository.registration(registrationId);
    if (!registration || registration.status !== 'queued') return 'nothing_to_do';
    const siteIds = await this.releasedSites(registration);
    if (siteIds !== null && siteIds.length === 0) {
      // The release was withdrawn or narrowed after the job was sent: wait for the next one.
      await this.repository.markUnmet(registration.id, 'not_released', RECHECK_MINUTES);
      return 'unmet';
    }
    let reason: UnmetReason = 'no_product_offered';
    for (const product of await this.products(registration)) {
      let outcome: Awaited<ReturnType<AllocationService['tryProduct']>>;
      try {
        outcome = await this.tryProduct(registration, product, siteIds);
      } catch (error) {
        // Withdrawn while this job ran: the booking was rolled back, there is nobody to allocate.
        if (error instanceof RegistrationNoLongerQueued) return 'nothing_to_do';
        throw error;
      }
      if (outcome === 'booked') return 'booked';
      // The most telling reason wins: a missing slot says more than an ineligible second choice.
      if (reason === 'no_product_offered' || outcome !== 'not_eligible') reason = outcome;
    }
    await this.repository.markUnmet(registration.id, reason, RECHECK_MINUTES);
    return 'unmet';
  }

  /** The sites this registration is released for; null means any site. */
  private async releasedSites(registration: RegistrationToAllocate): Promise<string[] | null> {
    const preferred = registration.preferredSiteIds.length > 0 ? registration.preferredSiteIds : null;
    const rank = registration.rank;
    if (rank === null) return [];
    const releases = await this.priorities.releases();
    if (releases.some((release) => release.siteId === null && rank <= release.upToRank)) return preferred;
    const sites = releases.filter((release) => release.siteId !== null && rank <= release.upToRank).map((release) => release.siteId as string);
    return preferred ? sites.filter((site) => preferred.includes(site)) : sites;
  }

  private async products(registration: RegistrationToAllocate): Promise<VaccineProduct[]> {
    const all = (await this.catalogue.listProducts()).filter((product) => product.active);
    return registration.productId ? all.filter((product) => product.id === registration.productId) : all;
  }

  private async tryProduct(registration: RegistrationToAllocate, product: VaccineProduct, siteIds: string[] | null): Promise<'booked' | UnmetReason> {
    const firsts = await this.repository.slots({
      productId: product.id,
      kind: 'first',
      siteIds,
      weekdays: registration.preferredWeekdays,
      fromDate: null,
      toDate: null,
      preferSiteId: null,
      limit: CANDIDATES,
    });
    if (firsts.length === 0) return 'no_slot';
    let reason: UnmetReason = 'no_slot';
    for (const first of firsts) {
      const eligibility = await this.priorities.eligibility(product, registration.person.birthDate, first.localDate);
      if (!eligibility.eligible) return 'not_eligible';
      const followUp = needsFollowUpReservation('first', product) ? await this.followUpFor(registration, product, first, siteIds) : undefined;
      if (followUp === null) {
        reason = 'no_follow_up_slot';
        continue;
      }
      if (await this.book(registration, product, first, followUp)) return 'booked';
    }
    return reason;
  }

  private async followUpFor(
    registration: RegistrationToAllocate,
    product: VaccineProduct,
    first: CandidateSlot,
    siteIds: string[] | null,
  ): Promise<CandidateSlot | null> {
    const window = followUpWindow(product, 2, first.localDate);
    const [slot] = await this.repository.slots({
      productId: product.id,
      kind: 'followUp',
      siteIds,
      weekdays: registration.preferredWeekdays,
      fromDate: window.earliest,
      toDate: window.latest,
      preferSiteId: first.siteId,
      limit: 1,
    });
    return slot ?? null;
  }

  /** True when booked (now or by an earlier attempt of the same job); false when the slots were taken meanwhile. */
  private async book(registration: RegistrationToAllocate, product: VaccineProduct, first: CandidateSlot, followUp: CandidateSlot | undefined): Promise<boolean> {
    try {
      await this.bookings.bookForWaitingList(
        {
          productId: product.id,
          doseKind: 'first',
          slotId: first.slotId,
          ...(followUp ? { followUpSlotId: followUp.slotId } : {}),
          person: registration.person,
          locale: registration.locale,
        },
        // One key per registration: a retried job finds the first booking instead of making a second.
        `waiting-list-${registration.id}`,
        (client, bookingId) => this.repository.markBooked(client, registration.id, bookingId),
      );
      return true;
    } catch (error) {
      if (error instanceof BookingException && error.code === BookingExceptionCode.AlreadyBooked) {
        await this.repository.markBookedElsewhere(registration.id);
        return true;
      }
      if (error instanceof BookingException && TAKEN_MEANWHILE.has(error.code)) return false;
      throw error;
    }
  }
}
