import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { VaccinationDayController } from './vaccination-day.controller';
import { VaccinationDayRepository } from './vaccination-day.repository';
import { VaccinationDayService } from './vaccination-day.service';

@Module({
  imports: [BookingModule, CatalogueModule],
  controllers: [VaccinationDayController],
  providers: [VaccinationDayRepository, VaccinationDayService],
})
export class VaccinationDayModule {}
