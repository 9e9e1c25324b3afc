import { Module } from '@nestjs/common';
import { CaptchaModule } from '../captcha/captcha.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PeopleModule } from '../people/people.module';
import { VaccinationDayModule } from '../vaccination-day/vaccination-day.module';
import { AvailabilityNotifications } from './availability-notifications';
import { AvailabilityController } from './availability.controller';
import { AvailabilityRepository } from './availability.repository';
import { AvailabilityService } from './availability.service';
import { BookingBatchRepository } from './booking-batch.repository';
import { BookingChangeService } from './booking-change.service';
import { BookingGroupCommit } from './booking-group-commit';
import { BookingViewRepository } from './booking-view.repository';
import { BookingController } from './booking.controller';
import { BookingRepository } from './booking.repository';
import { BookingService } from './booking.service';
import { DayCancellationController } from './day-cancellation.controller';
import { RecentBookings } from './recent-bookings';
import { ReminderJob } from './reminder.job';
import { ReminderRepository } from './reminder.repository';
import { SlotDirectory } from './slot-directory';
import { SlotPlaceRepository } from './slot-place.repository';
import { SoldOutShortcut } from './sold-out-shortcut';
import { AvailabilityFastPath } from './availability-fast-path';
import { SoldOutSlots } from './sold-out-slots';

@Module({
  imports: [CaptchaModule, CatalogueModule, OutboxModule, PeopleModule, VaccinationDayModule],
  controllers: [AvailabilityController, BookingController, DayCancellationController],
  providers: [
    AvailabilityNotifications,
    AvailabilityRepository,
    AvailabilityService,
    BookingBatchRepository,
    BookingChangeService,
    BookingGroupCommit,
    BookingRepository,
    BookingService,
    BookingViewRepository,
    RecentBookings,
    ReminderJob,
    ReminderRepository,
    SlotDirectory,
    SlotPlaceRepository,
    SoldOutShortcut,
    AvailabilityFastPath,
    SoldOutSlots,
  ],
  exports: [
    BookingChangeService,
    SoldOutShortcut,
    AvailabilityFastPath,
    BookingService,
    BookingRepository,
    BookingViewRepository,
    SlotDirectory,
    AvailabilityNotifications,
    AvailabilityService,
  ],
})
export class BookingModule {}
