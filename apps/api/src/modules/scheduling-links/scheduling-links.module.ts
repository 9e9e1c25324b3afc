import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { SchedulingFeedService } from './scheduling-feed.service';
import { SchedulingLinksController } from './scheduling-links.controller';

@Module({
  imports: [BookingModule, CatalogueModule],
  controllers: [SchedulingLinksController],
  providers: [SchedulingFeedService],
})
export class SchedulingLinksModule {}
