import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PriorityModule } from '../priority/priority.module';
import { PriorityRulesAdminService } from './priority-rules-admin.service';
import { PriorityRulesController } from './priority-rules.controller';
import { RegroupingService } from './regrouping.service';
import { WaitingListQueueRepository } from './waiting-list-queue.repository';
import { WaitingListReportsController } from './waiting-list-reports.controller';
import { WaitingListReportsRepository } from './waiting-list-reports.repository';
import { WaitingListReportsService } from './waiting-list-reports.service';

@Module({
  imports: [AuditModule, CatalogueModule, PriorityModule],
  controllers: [PriorityRulesController, WaitingListReportsController],
  providers: [PriorityRulesAdminService, RegroupingService, WaitingListQueueRepository, WaitingListReportsRepository, WaitingListReportsService],
})
export class WaitingListModule {}
