import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { VaccinationDay } from '@vaccinate/api-contracts';
import { uuidParam } from '../../common/id-param.pipe';
import { RequireRole } from '../auth/access.decorators';
import { VaccinationDayService } from '../vaccination-day/vaccination-day.service';
import { BookingChangeService } from './booking-change.service';

/** Cancelling a day reaches into its bookings, so the route lives with them; the day's own rules stay in VaccinationDayService. */
@ApiTags('vaccination-days')
@Controller('vaccination-days')
export class DayCancellationController {
  constructor(
    private readonly days: VaccinationDayService,
    private readonly bookingChanges: BookingChangeService,
  ) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireRole('doctor')
  @ApiOkResponse({ description: 'Cancelled; every booked person is mailed' })
  cancel(@Param('id', uuidParam()) id: string): Promise<{ day: VaccinationDay; bookingsNotified: number }> {
    return this.days.cancel(id, (client, dayId) => this.bookingChanges.cancelForDay(client, dayId));
  }
}
