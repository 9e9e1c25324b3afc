import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReportCsvQuery, ReportsQuery, WaitingListReports } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractQuery, MediaAnswer } from '../../common/contract/contract.decorators';
import { RequireRole } from '../auth/access.decorators';
import { WaitingListReportsService } from './waiting-list-reports.service';

@ApiTags('waiting-list')
@Controller('waiting-list/reports')
export class WaitingListReportsController {
  constructor(private readonly reports: WaitingListReportsService) {}

  @Get()
  @RequireRole('doctor')
  @ContractAnswer(200, WaitingListReports, 'Registrations by group, site preference and week; willing vs vaccinated; standby offered vs taken')
  all(@ContractQuery(ReportsQuery) query: ReportsQuery): Promise<WaitingListReports> {
    return this.reports.all(query.locale);
  }

  @Get('csv')
  @RequireRole('doctor')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="waiting-list-report.csv"')
  @MediaAnswer(200, 'text/csv', 'One report as CSV')
  csv(@ContractQuery(ReportCsvQuery) query: ReportCsvQuery): Promise<string> {
    return this.reports.csv(query.report, query.locale ?? 'en');
  }
}
