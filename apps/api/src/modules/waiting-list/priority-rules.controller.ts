import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { Release, ReleaseGroups, RuleSet, SavedRuleSet, SavePriorityRules } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractBody, ContractListAnswer } from '../../common/contract/contract.decorators';
import type { Principal } from '../../common/request-context';
import { RequireRole } from '../auth/access.decorators';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { PriorityRulesAdminService } from './priority-rules-admin.service';

@ApiTags('waiting-list')
@Controller('waiting-list')
export class PriorityRulesController {
  constructor(private readonly admin: PriorityRulesAdminService) {}

  @Get('rules')
  @RequireRole('doctor')
  @ContractAnswer(200, RuleSet, 'Priority groups and eligibility limits in force')
  rules(): Promise<RuleSet> {
    return this.admin.rules();
  }

  @Put('rules')
  @RequireRole('doctor')
  @ContractAnswer(200, SavedRuleSet, 'Saved as a new version; queued registrations are regrouped')
  @ApiConflictResponse({ description: 'priority_rules.version_conflict: the version sent is no longer in force' })
  save(@ContractBody(SavePriorityRules) document: SavePriorityRules, @CurrentPrincipal() principal: Principal): Promise<SavedRuleSet> {
    return this.admin.save(document.rules, document.eligibility, principal.subject, document.version);
  }

  @Get('releases')
  @RequireRole('assistant')
  @ContractListAnswer(200, Release, 'Releases in force: every site and per site')
  releases(): Promise<Release[]> {
    return this.admin.releases();
  }

  @Post('releases')
  @HttpCode(204)
  @RequireRole('doctor')
  @ApiNoContentResponse({ description: 'Released; the allocator takes the released groups in order' })
  release(@ContractBody(ReleaseGroups) release: ReleaseGroups, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.admin.release(release.upToRank, release.siteId ?? null, principal.subject);
  }
}
