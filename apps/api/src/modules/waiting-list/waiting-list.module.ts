import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PriorityModule } from '../priority/priority.module';
import { PriorityRulesAdminService } from './priority-rules-admin.service';
import { PriorityRulesController } from './priority-rules.controller';
import { RegroupingService } from './regrouping.service';
import { WaitingListQueueRepository } from './waiting-list-queue.repository';

@Module({
  imports: [AuditModule, CatalogueModule, PriorityModule],
  controllers: [PriorityRulesController],
  providers: [PriorityRulesAdminService, RegroupingService, WaitingListQueueRepository],
})
export class WaitingListModule {}
