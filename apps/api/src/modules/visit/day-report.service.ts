import { Injectable } from '@nestjs/common';
import type { DayReport } from '@vaccinate/api-contracts';
import { VaccinationDayException } from '../vaccination-day/vaccination-day.exception';
import { toCsv } from '../../common/csv';
import { DaySheetRepository } from './day-sheet.repository';

/** The day in numbers, per site: no personal data, so no audit; for the day sheet and the CSV export. */
@Injectable()
export class DayReportService {
  constructor(private readonly days: DaySheetRepository) {}

  async report(dayId: string): Promise<DayReport> {
    const head = await this.days.head(dayId);
    if (!head) throw VaccinationDayException.notFound();
    const figures = await this.days.figures(dayId);
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
    };
  }

  /** One line per figure: `section,item,dose,value`, so a spreadsheet can pivot it. */
  async csv(dayId: string): Promise<string> {
    const report = await this.report(dayId);
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
    ]);
  }
}
