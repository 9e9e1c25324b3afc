import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CancelledVaccinationDay, IdParam } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractParams } from '../../common/contract/contract.decorators';
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
  @ContractAnswer(200, CancelledVaccinationDay, 'Cancelled; every booked person is mailed')
  cancel(@ContractParams(IdParam) { id }: IdParam): Promise<CancelledVaccinationDay> {
    return this.days.cancel(id, (client, dayId) => this.bookingChanges.cancelForDay(client, dayId));
  }
}
