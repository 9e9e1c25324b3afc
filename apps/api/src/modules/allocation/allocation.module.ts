import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PriorityModule } from '../priority/priority.module';
import { AllocationQueue } from './allocation-queue';
import { AllocationStaffRepository } from './allocation-staff.repository';
import { AllocationController } from './allocation.controller';
import { AllocationRepository } from './allocation.repository';
import { AllocationService } from './allocation.service';
import { AllocationWorker } from './allocation.worker';
import { WaitingListQueueService } from './waiting-list-queue.service';

@Module({
  imports: [BookingModule, CatalogueModule, PriorityModule],
  controllers: [AllocationController],
  providers: [AllocationQueue, AllocationRepository, AllocationService, AllocationStaffRepository, AllocationWorker, WaitingListQueueService],
  exports: [AllocationRepository, AllocationWorker],
})
export class AllocationModule {}
