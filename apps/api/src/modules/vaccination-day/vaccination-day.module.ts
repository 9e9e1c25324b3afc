import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DayAppointmentsRepository } from './day-appointments.repository';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { DayCalendar } from './day-calendar';
import { VaccinationDayController } from './vaccination-day.controller';
import { VaccinationDayRepository } from './vaccination-day.repository';
import { VaccinationDayService } from './vaccination-day.service';

@Module({
  imports: [AuditModule, CatalogueModule],
  controllers: [VaccinationDayController],
  providers: [DayAppointmentsRepository, DayCalendar, VaccinationDayRepository, VaccinationDayService],
  exports: [VaccinationDayService],
})
export class VaccinationDayModule {}
