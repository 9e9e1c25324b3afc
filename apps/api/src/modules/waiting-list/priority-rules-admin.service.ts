import { Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { ReleaseInForce } from '../priority/priority-rules.repository';
import { PriorityRulesService, type RuleSetView } from '../priority/priority-rules.service';
import { RegroupingService } from './regrouping.service';

/** Staff edit the rules and release groups; both are audited. */
@Injectable()
export class PriorityRulesAdminService {
  constructor(
    private readonly priorities: PriorityRulesService,
    private readonly regrouping: RegroupingService,
    private readonly catalogue: CatalogueService,
    private readonly audit: AuditService,
    private readonly sql: Sql,
  ) {}

  rules(): Promise<RuleSetView> {
    return this.priorities.inForce();
  }

  async save(rules: unknown, eligibility: unknown, savedBy: string): Promise<RuleSetView & { regrouped: number }> {
    const saved = await this.priorities.save(rules, eligibility, savedBy);
    await this.audit.recordSetting(this.sql, 'priority_rules', 'update');
    return { ...saved, regrouped: await this.regrouping.regroup(saved.rules) };
  }

  releases(): Promise<ReleaseInForce[]> {
    return this.priorities.releases();
  }

  async release(upToRank: number, siteId: string | null, releasedBy: string): Promise<void> {
    if (siteId) await this.catalogue.getSite(siteId);
    await this.priorities.release(upToRank, siteId, releasedBy);
    await this.audit.recordSetting(this.sql, 'priority_release', 'create');
  }
}
