import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { BoardEntry, DayBoard, DayReport } from '@vaccinate/api-contracts';
import { uuidParam } from '../../common/id-param.pipe';
import { RequireRole } from '../auth/access.decorators';
import { BoardService } from './board.service';
import { CheckInService } from './check-in.service';
import { DayReportService } from './day-report.service';
import { CheckInDto, NoShowDto, WalkInDto } from './dto/check-in.dto';
import { NoShowService } from './no-show.service';

@ApiTags('day-run')
@Controller('vaccination-days')
export class DayBoardController {
  constructor(
    private readonly board: BoardService,
    private readonly checkIns: CheckInService,
    private readonly noShows: NoShowService,
    private readonly reports: DayReportService,
  ) {}

  @Get(':id/board')
  @RequireRole('assistant')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ description: 'Appointments by slot with their state, counters and doses left (each person listed is audited)' })
  dayBoard(@Param('id', uuidParam()) id: string): Promise<DayBoard> {
    return this.board.board(id);
  }

  @Post(':id/check-ins')
  @RequireRole('assistant')
  @ApiCreatedResponse({ description: 'Checked in; the board entry' })
  @ApiConflictResponse({ description: 'visit.already_checked_in, visit.day_not_running' })
  checkIn(@Param('id', uuidParam()) id: string, @Body() dto: CheckInDto): Promise<BoardEntry> {
    return this.checkIns.checkIn(id, dto);
  }

  @Post(':id/walk-ins')
  @RequireRole('assistant')
  @ApiCreatedResponse({ description: 'Booked into the next free slot and checked in' })
  @ApiConflictResponse({ description: 'visit.no_capacity, visit.already_booked' })
  walkIn(@Param('id', uuidParam()) id: string, @Body() dto: WalkInDto): Promise<BoardEntry> {
    return this.checkIns.walkIn(id, dto);
  }

  @Post(':id/no-shows')
  @HttpCode(200)
  @RequireRole('assistant')
  @ApiOkResponse({ description: 'How many were marked and how many doses went back to the day' })
  markNoShows(@Param('id', uuidParam()) id: string, @Body() dto: NoShowDto): Promise<{ noShows: number; dosesFreed: number }> {
    return this.noShows.mark(id, dto.appointmentIds ?? null);
  }

  @Get(':id/report')
  @RequireRole('doctor')
  @ApiOkResponse({ description: 'The day in numbers: booked, vaccinated by product and dose, no-shows, walk-ins, waste, doses left' })
  report(@Param('id', uuidParam()) id: string): Promise<DayReport> {
    return this.reports.report(id);
  }

  @Get(':id/report.csv')
  @RequireRole('doctor')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="day-report.csv"')
  @ApiProduces('text/csv')
  reportCsv(@Param('id', uuidParam()) id: string): Promise<string> {
    return this.reports.csv(id);
  }
}
