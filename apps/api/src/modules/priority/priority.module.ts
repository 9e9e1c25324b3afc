import { Module } from '@nestjs/common';
import { PriorityRulesRepository } from './priority-rules.repository';
import { PriorityRulesService } from './priority-rules.service';

@Module({
  providers: [PriorityRulesRepository, PriorityRulesService],
  exports: [PriorityRulesService],
})
export class PriorityModule {}
