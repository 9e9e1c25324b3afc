import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../common/request-context';
import { RequireRole } from '../auth/access.decorators';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { ReleaseInForce } from '../priority/priority-rules.repository';
import type { RuleSetView } from '../priority/priority-rules.service';
import { ReleaseGroupsDto, SavePriorityRulesDto } from './dto/priority-rules.dto';
import { PriorityRulesAdminService } from './priority-rules-admin.service';

@ApiTags('waiting-list')
@Controller('waiting-list')
export class PriorityRulesController {
  constructor(private readonly admin: PriorityRulesAdminService) {}

  @Get('rules')
  @RequireRole('doctor')
  @ApiOkResponse({ description: 'Priority groups and eligibility limits in force' })
  rules(): Promise<RuleSetView> {
    return this.admin.rules();
  }

  @Put('rules')
  @RequireRole('doctor')
  @ApiOkResponse({ description: 'Saved as a new version; queued registrations are regrouped' })
  save(@Body() dto: SavePriorityRulesDto, @CurrentPrincipal() principal: Principal): Promise<RuleSetView & { regrouped: number }> {
    return this.admin.save(dto.rules, dto.eligibility, principal.subject);
  }

  @Get('releases')
  @RequireRole('assistant')
  @ApiOkResponse({ description: 'Releases in force: every site and per site' })
  releases(): Promise<ReleaseInForce[]> {
    return this.admin.releases();
  }

  @Post('releases')
  @HttpCode(204)
  @RequireRole('doctor')
  @ApiNoContentResponse({ description: 'Released; the allocator takes the released groups in order' })
  release(@Body() dto: ReleaseGroupsDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.admin.release(dto.upToRank, dto.siteId ?? null, principal.subject);
  }
}
