import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { REPORTS, type ReportName } from '../waiting-list-reports.service';

export class ReportsQueryDto {
  @ApiPropertyOptional({ enum: ['de', 'en'] }) @IsOptional() @IsIn(['de', 'en']) locale?: 'de' | 'en';
}

export class ReportCsvQueryDto extends ReportsQueryDto {
  @ApiPropertyOptional({ enum: REPORTS }) @IsIn(REPORTS, { message: `must be one of ${REPORTS.join(', ')}` }) report!: ReportName;
}
