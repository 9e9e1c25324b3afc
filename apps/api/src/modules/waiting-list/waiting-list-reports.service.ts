import type { ReportName, WaitingListReports } from '@vaccinate/api-contracts';
import { Injectable } from '@nestjs/common';
import { PriorityRulesService } from '../priority/priority-rules.service';
import { toCsv } from './csv.util';
import { WaitingListReportsRepository } from './waiting-list-reports.repository';

/** Demand and standby figures for staff, as JSON or one report as CSV. */
@Injectable()
export class WaitingListReportsService {
  constructor(
    private readonly reports: WaitingListReportsRepository,
    private readonly priorities: PriorityRulesService,
  ) {}

  async all(locale: 'de' | 'en' = 'en'): Promise<WaitingListReports> {
    const [{ rules }, byGroup, bySite, byWeek, willingVsVaccinated, standby] = await Promise.all([
      this.priorities.inForce(),
      this.reports.byGroup(),
      this.reports.bySite(),
      this.reports.byWeek(),
      this.reports.willingVsVaccinated(),
      this.reports.standby(),
    ]);
    const names = new Map(rules.groups.map((group) => [group.rank, group.name[locale]]));
    return {
      byGroup: byGroup.map((row) => ({ ...row, group: row.rank === null ? null : (names.get(row.rank) ?? null) })),
      bySite,
      byWeek,
      willingVsVaccinated,
      standby,
    };
  }

  async csv(report: ReportName, locale: 'de' | 'en'): Promise<string> {
    const data = await this.all(locale);
    switch (report) {
      case 'by-group':
        return toCsv(
          ['rank', 'group', 'queued', 'booked', 'vaccinated', 'total'],
          data.byGroup.map((r) => [r.rank, r.group, r.queued, r.booked, r.vaccinated, r.total]),
        );
      case 'by-site':
        return toCsv(
          ['site_id', 'site', 'registrations'],
          data.bySite.map((r) => [r.siteId, r.siteName ?? (locale === 'de' ? 'beliebig' : 'any'), r.registrations]),
        );
      case 'by-week':
        return toCsv(
          ['week', 'registrations'],
          data.byWeek.map((r) => [r.week, r.registrations]),
        );
      case 'willing-vs-vaccinated': {
        const { willing, booked, vaccinated } = data.willingVsVaccinated;
        return toCsv(['willing', 'booked', 'vaccinated'], [[willing, booked, vaccinated]]);
      }
      case 'standby':
        return toCsv(
          ['announced_at', 'site', 'product', 'doses', 'offered', 'taken', 'expired', 'too_late'],
          data.standby.map((r) => [r.announcedAt, r.siteName, r.productName, r.doses, r.offered, r.taken, r.expired, r.tooLate]),
        );
    }
  }
}
