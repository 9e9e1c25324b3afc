import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import {
  CalendarWarnings,
  CalendarWarningsQuery,
  DayAppointment,
  IdParam,
  VaccinationDay,
  VaccinationDayChange,
  VaccinationDayInput,
  VaccinationDaySeries,
  VaccinationDaySeriesInput,
  VaccinationDaysQuery,
  VaccinationDaySummary,
} from '@vaccinate/api-contracts';
import { ContractAnswer, ContractBody, ContractListAnswer, ContractParams, ContractQuery } from '../../common/contract/contract.decorators';
import { RequireRole } from '../auth/access.decorators';
import { VaccinationDayService } from './vaccination-day.service';

@ApiTags('vaccination-days')
@Controller('vaccination-days')
export class VaccinationDayController {
  constructor(private readonly days: VaccinationDayService) {}

  @Get()
  @RequireRole('assistant')
  @ContractListAnswer(200, VaccinationDaySummary, 'Days from a date on (today when absent), without their slots')
  list(@ContractQuery(VaccinationDaysQuery) query: VaccinationDaysQuery): Promise<Omit<VaccinationDay, 'slots'>[]> {
    return this.days.list(query.from);
  }

  @Post()
  @RequireRole('doctor')
  @ContractAnswer(201, VaccinationDay, 'The day with its slots')
  @ApiConflictResponse({ description: 'A lot cannot give the doses' })
  create(@ContractBody(VaccinationDayInput) day: VaccinationDayInput): Promise<VaccinationDay> {
    return this.days.create(day);
  }

  @Post('series')
  @RequireRole('doctor')
  @ContractAnswer(201, VaccinationDaySeries, 'Every day of the series, with warnings for closed days and public holidays')
  @ApiConflictResponse({ description: 'A lot cannot give the doses of every day: none was created' })
  createSeries(@ContractBody(VaccinationDaySeriesInput) series: VaccinationDaySeriesInput): Promise<VaccinationDaySeries> {
    return this.days.createSeries(series);
  }

  @Get('calendar-warnings')
  @RequireRole('assistant')
  @ContractAnswer(200, CalendarWarnings, "Dates the site's opening hours do not cover, and public holidays")
  async calendarWarnings(@ContractQuery(CalendarWarningsQuery) query: CalendarWarningsQuery): Promise<CalendarWarnings> {
    return { warnings: await this.days.calendarWarnings(query.siteId, query.from, query.to) };
  }

  @Get(':id')
  @RequireRole('assistant')
  @ContractAnswer(200, VaccinationDay, 'The day with its slots and what is booked')
  get(@ContractParams(IdParam) { id }: IdParam): Promise<VaccinationDay> {
    return this.days.get(id);
  }

  @Get(':id/appointments')
  @RequireRole('assistant')
  @ContractListAnswer(200, DayAppointment, "The day's appointments with names (each person read is audited)")
  appointments(@ContractParams(IdParam) { id }: IdParam): Promise<DayAppointment[]> {
    return this.days.appointments(id);
  }

  @Patch(':id')
  @RequireRole('doctor')
  @ContractAnswer(200, VaccinationDay, 'Changed')
  @ApiConflictResponse({ description: 'day.capacity_below_booked, day.doses_below_booked or a stale version' })
  change(@ContractParams(IdParam) { id }: IdParam, @ContractBody(VaccinationDayChange) change: VaccinationDayChange): Promise<VaccinationDay> {
    return this.days.change(id, change);
  }
}
