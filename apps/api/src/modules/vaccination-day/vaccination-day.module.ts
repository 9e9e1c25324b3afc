import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { BookingModule } from '../booking/booking.module';
import { DayAppointmentsRepository } from './day-appointments.repository';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { VaccinationDayController } from './vaccination-day.controller';
import { VaccinationDayRepository } from './vaccination-day.repository';
import { VaccinationDayService } from './vaccination-day.service';

@Module({
  imports: [AuditModule, BookingModule, CatalogueModule],
  controllers: [VaccinationDayController],
  providers: [DayAppointmentsRepository, VaccinationDayRepository, VaccinationDayService],
})
export class VaccinationDayModule {}
