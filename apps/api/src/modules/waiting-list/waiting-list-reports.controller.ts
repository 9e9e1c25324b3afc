import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/access.decorators';
import { ReportCsvQueryDto, ReportsQueryDto } from './dto/reports.dto';
import { WaitingListReportsService, type WaitingListReports } from './waiting-list-reports.service';

@ApiTags('waiting-list')
@Controller('waiting-list/reports')
export class WaitingListReportsController {
  constructor(private readonly reports: WaitingListReportsService) {}

  @Get()
  @RequireRole('doctor')
  @ApiOkResponse({ description: 'Registrations by group, site preference and week; willing vs vaccinated; standby offered vs taken' })
  all(@Query() query: ReportsQueryDto): Promise<WaitingListReports> {
    return this.reports.all(query.locale);
  }

  @Get('csv')
  @RequireRole('doctor')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="waiting-list-report.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'One report as CSV' })
  csv(@Query() query: ReportCsvQueryDto): Promise<string> {
    return this.reports.csv(query.report, query.locale ?? 'en');
  }
}
