import { Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { BoardEntry, CheckInRequest, DayBoard, DayReport, IdParam, NoShowRequest, NoShowsMarked, WalkInRequest } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractBody, ContractParams, MediaAnswer } from '../../common/contract/contract.decorators';
import { RequireRole } from '../auth/access.decorators';
import { BoardService } from './board.service';
import { CheckInService } from './check-in.service';
import { DayReportService } from './day-report.service';
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
  @ContractAnswer(200, DayBoard, 'Appointments by slot with their state, counters and doses left (each person listed is audited)')
  dayBoard(@ContractParams(IdParam) { id }: IdParam): Promise<DayBoard> {
    return this.board.board(id);
  }

  @Post(':id/check-ins')
  @RequireRole('assistant')
  @ContractAnswer(201, BoardEntry, 'Checked in; the board entry')
  @ApiConflictResponse({ description: 'visit.already_checked_in, visit.day_not_running' })
  checkIn(@ContractParams(IdParam) { id }: IdParam, @ContractBody(CheckInRequest) request: CheckInRequest): Promise<BoardEntry> {
    return this.checkIns.checkIn(id, request);
  }

  @Post(':id/walk-ins')
  @RequireRole('assistant')
  @ContractAnswer(201, BoardEntry, 'Booked into the next free slot and checked in')
  @ApiConflictResponse({ description: 'visit.no_capacity, visit.already_booked' })
  walkIn(@ContractParams(IdParam) { id }: IdParam, @ContractBody(WalkInRequest) request: WalkInRequest): Promise<BoardEntry> {
    return this.checkIns.walkIn(id, request);
  }

  @Post(':id/no-shows')
  @HttpCode(200)
  @RequireRole('assistant')
  @ContractAnswer(200, NoShowsMarked, 'How many were marked and how many doses went back to the day')
  markNoShows(@ContractParams(IdParam) { id }: IdParam, @ContractBody(NoShowRequest) request: NoShowRequest): Promise<NoShowsMarked> {
    return this.noShows.mark(id, request.appointmentIds ?? null);
  }

  @Get(':id/report')
  @RequireRole('doctor')
  @ContractAnswer(
    200,
    DayReport,
    'The day in numbers (booked, vaccinated by product and dose, no-shows, walk-ins, waste, doses left) and who was vaccinated with which lot by whom (doctors and admins; each person listed is audited)',
  )
  report(@ContractParams(IdParam) { id }: IdParam): Promise<DayReport> {
    return this.reports.report(id);
  }

  @Get(':id/report.csv')
  @RequireRole('doctor')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="day-report.csv"')
  @MediaAnswer(200, 'text/csv', 'The day report as CSV, with the doses given (each person listed is audited as an export)')
  reportCsv(@ContractParams(IdParam) { id }: IdParam): Promise<string> {
    return this.reports.csv(id);
  }
}
