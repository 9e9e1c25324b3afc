import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { DayAppointment, VaccinationDay } from '@vaccinate/api-contracts';
import { isCalendarDate } from '../../common/dto-rules';
import { uuidParam } from '../../common/id-param.pipe';
import { ValidationException } from '../../common/problem/app-exception';
import { RequireRole } from '../auth/access.decorators';
import { ChangeVaccinationDayDto, CreateVaccinationDayDto } from './dto/vaccination-day.dto';
import { VaccinationDayService } from './vaccination-day.service';

@ApiTags('vaccination-days')
@Controller('vaccination-days')
export class VaccinationDayController {
  constructor(private readonly days: VaccinationDayService) {}

  @Get()
  @RequireRole('assistant')
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD; today when absent' })
  @ApiOkResponse({ description: 'Days from a date on, without their slots' })
  list(@Query('from') from?: string): Promise<Omit<VaccinationDay, 'slots'>[]> {
    if (from !== undefined && !isCalendarDate(from)) {
      throw new ValidationException([{ field: 'from', message: 'must be a date that exists (YYYY-MM-DD)' }]);
    }
    return this.days.list(from);
  }

  @Post()
  @RequireRole('doctor')
  @ApiCreatedResponse({ description: 'The day with its slots' })
  @ApiConflictResponse({ description: 'A lot cannot give the doses' })
  create(@Body() dto: CreateVaccinationDayDto): Promise<VaccinationDay> {
    return this.days.create(dto);
  }

  @Get(':id')
  @RequireRole('assistant')
  @ApiOkResponse({ description: 'The day with its slots and what is booked' })
  get(@Param('id', uuidParam()) id: string): Promise<VaccinationDay> {
    return this.days.get(id);
  }

  @Get(':id/appointments')
  @RequireRole('assistant')
  @ApiOkResponse({ description: "DayAppointment[]: the day's appointments with names (each person read is audited)" })
  appointments(@Param('id', uuidParam()) id: string): Promise<DayAppointment[]> {
    return this.days.appointments(id);
  }

  @Patch(':id')
  @RequireRole('doctor')
  @ApiOkResponse({ description: 'Changed' })
  @ApiConflictResponse({ description: 'day.capacity_below_booked, day.doses_below_booked or a stale version' })
  change(@Param('id', uuidParam()) id: string, @Body() dto: ChangeVaccinationDayDto): Promise<VaccinationDay> {
    return this.days.change(id, dto);
  }
}
