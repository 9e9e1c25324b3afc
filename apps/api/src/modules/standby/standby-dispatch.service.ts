import { Inject, Injectable } from '@nestjs/common';
import type { Site, VaccineProduct } from '@vaccinate/api-contracts';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import { todayIn } from '../../common/time-zone';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { hashManageToken } from '../booking/booking-code';
import { CatalogueService } from '../catalogue/catalogue.service';
import { OutboxRepository, type OutboxPayload } from '../outbox/outbox.repository';
import { PriorityRulesService } from '../priority/priority-rules.service';
import { SpareDoseProposalRepository } from './spare-dose-proposal.repository';
import { StandbyOfferRepository, type Announcement, type StandbyCandidate } from './standby-offer.repository';
import { SMS_SENDER, type SmsMessage, type SmsSender } from './sms/sms-sender';

/** Sends the next wave of offers of an announcement: as many open offers as the doses left times the overbooking factor. */
@Injectable()
export class StandbyDispatchService {
  constructor(
    private readonly offers: StandbyOfferRepository,
    private readonly outbox: OutboxRepository,
    private readonly catalogue: CatalogueService,
    private readonly priorities: PriorityRulesService,
    private readonly spareDoses: SpareDoseProposalRepository,
    private readonly sql: Sql,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  /** Returns how many offers went out. */
  async dispatch(announcementId: string): Promise<number> {
    const texts: SmsMessage[] = [];
    const sent = await this.sql.transaction(async (client) => {
      const announcement = await this.offers.lockForWave(client, announcementId);
      if (!announcement || announcement.status !== 'open') return 0;
      // Walk-ins may have taken doses since the announcement: offers go out only for doses still unclaimed on the day.
      const unclaimed = await this.spareDoses.unclaimed(client, announcementId);
      const doses = Math.min(announcement.doses - announcement.taken, unclaimed ?? Number.POSITIVE_INFINITY);
      const wanted = Math.ceil(doses * announcement.overbookingFactor) - announcement.open;
      if (wanted <= 0) return 0;
      const [product, site] = await Promise.all([this.catalogue.product(announcement.productId), this.catalogue.getSite(announcement.siteId)]);
      const chosen = await this.eligible(await this.offers.candidates(client, announcementId, wanted * 3), product, wanted);
      const expiresAt = new Date(Math.min(Date.now() + announcement.offerMinutes * 60_000, Date.parse(announcement.availableUntil)));
      for (const member of chosen) {
        const token = randomBytes(32).toString('base64url');
        const offerId = await this.offers.insertOffer(client, {
          announcementId,
          memberId: member.memberId,
          tokenHash: hashManageToken(token),
          wave: announcement.wave + 1,
          expiresAt,
        });
        const url = `${this.config.publicUrl}/standby/offer#${token}`;
        await this.outbox.enqueue(client, this.mail(member, announcement, product, site, url));
        if (member.phone) texts.push({ to: member.phone, text: `${product.name}: ${site.name}. ${url}`, reference: offerId });
      }
      return chosen.length;
    });
    // Texts go after the commit: nobody is told about an offer that was rolled back.
    for (const text of texts) await this.text(text);
    return sent;
  }

  /** Sends one offer's text and records what became of it; the error is logged by its name only (provider errors can quote the number). */
  private async text(message: SmsMessage): Promise<void> {
    const sent = await this.sms.send(message).catch((error: unknown) => {
      this.logger.warn({ offer: message.reference, error: error instanceof Error ? error.name : 'unknown' }, 'sms not sent');
      return 'failed' as const;
    });
    if (sent) await this.offers.recordSms(message.reference, sent);
  }

  private async eligible(candidates: StandbyCandidate[], product: VaccineProduct, wanted: number): Promise<StandbyCandidate[]> {
    const today = todayIn(this.config.timeZone);
    const chosen: StandbyCandidate[] = [];
    for (const candidate of candidates) {
      if (chosen.length >= wanted) break;
      if ((await this.priorities.eligibility(product, candidate.birthDate, today)).eligible) chosen.push(candidate);
    }
    return chosen;
  }

  private mail(member: StandbyCandidate, announcement: Announcement, product: VaccineProduct, site: Site, url: string): OutboxPayload {
    return {
      template: 'standby-offer',
      locale: member.locale,
      to: { email: member.email, name: member.givenName },
      data: {
        bookingCode: `S-${announcement.id.slice(0, 8).toUpperCase()}`,
        productName: product.name,
        appointments: [
          {
            doseNumber: 1,
            startsAt: new Date().toISOString(),
            endsAt: announcement.availableUntil,
            siteName: site.name,
            siteAddress: `${site.street}, ${site.postalCode} ${site.city}`,
            status: 'booked',
          },
        ],
        manageUrl: url,
      },
    };
  }
}
