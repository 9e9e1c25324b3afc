import { Injectable } from '@nestjs/common';
import type { DayReport } from '@vaccinate/api-contracts';
import { VaccinationDayException } from '../vaccination-day/vaccination-day.exception';
import { toCsv } from '../../common/csv';
import { Sql } from '../../database/sql';
import { AuditService, type AuditAction } from '../audit/audit.service';
import { VaccinationRepository } from '../vaccination/vaccination.repository';
import { DaySheetRepository } from './day-sheet.repository';

/**
 * The day in numbers, per site, and the list of doses given (who, which lot, by whom): the list is
 * personal data, so every person on it is audited, as a list read or as an export.
 */
@Injectable()
export class DayReportService {
  constructor(
    private readonly days: DaySheetRepository,
    private readonly vaccinations: VaccinationRepository,
    private readonly audit: AuditService,
    private readonly sql: Sql,
  ) {}

  async report(dayId: string, action: AuditAction = 'list'): Promise<DayReport> {
    const head = await this.days.head(dayId);
    if (!head) throw VaccinationDayException.notFound();
    const [figures, doses] = await Promise.all([this.days.figures(dayId), this.vaccinations.givenOnDay(dayId)]);
    await this.audit.record(this.sql, 'person', action, [...new Set(doses.map((dose) => dose.person.id))]);
    return {
      dayId,
      date: head.date,
      siteName: head.siteName,
      booked: figures.booked,
      vaccinated: figures.vaccinated,
      noShows: figures.noShows,
      walkIns: figures.walkIns,
      cancelled: figures.cancelled,
      waste: figures.waste,
      dosesLeft: figures.dosesLeft,
      doses,
    };
  }

  /**
   * One line per figure: `section,item,dose,value`, so a spreadsheet can pivot it; then one line per
   * dose given under its own header.
   */
  async csv(dayId: string): Promise<string> {
    const report = await this.report(dayId, 'export');
    return toCsv([
      ['section', 'item', 'dose', 'value'],
      ['day', report.siteName, '', report.date],
      ['appointments', 'booked', '', report.booked],
      ['appointments', 'no-shows', '', report.noShows],
      ['appointments', 'walk-ins', '', report.walkIns],
      ['appointments', 'cancelled', '', report.cancelled],
      ...report.vaccinated.map((row) => ['vaccinated', row.productName, row.doseNumber, row.count]),
      ...report.waste.map((row) => ['waste', `${row.lotNumber} (${row.reason})`, '', row.doses]),
      ...report.dosesLeft.map((row) => ['doses left', `${row.productName} ${row.lotNumber}`, '', row.dosesLeft]),
      [],
      ['administered_at', 'family_name', 'given_name', 'birth_date', 'product', 'dose', 'lot', 'vaccinator'],
      ...report.doses.map((dose) => [
        dose.administeredAt,
        dose.person.familyName,
        dose.person.givenName,
        dose.person.birthDate,
        dose.productName,
        dose.doseNumber,
        dose.lotNumber,
        dose.vaccinator.name ?? dose.vaccinator.id,
      ]),
    ]);
  }
}
