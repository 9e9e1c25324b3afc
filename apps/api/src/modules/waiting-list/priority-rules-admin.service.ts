import { Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { ReleaseInForce } from '../priority/priority-rules.repository';
import { PriorityRulesService, type RuleSetView } from '../priority/priority-rules.service';
import { RegroupingService } from './regrouping.service';

/** Staff edit the rules and release groups; both are audited in the change's own transaction. */
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

  /** The new version and its audit event commit together or not at all; the queue is regrouped after. */
  async save(rules: unknown, eligibility: unknown, savedBy: string, basedOn?: number): Promise<RuleSetView & { regrouped: number }> {
    await this.sql.transaction(async (client) => {
      await this.priorities.save(client, rules, eligibility, savedBy, basedOn);
      await this.audit.recordSetting(client, 'priority_rules', 'update');
    });
    const saved = await this.priorities.reload();
    return { ...saved, regrouped: await this.regrouping.regroup(saved.rules) };
  }

  releases(): Promise<ReleaseInForce[]> {
    return this.priorities.releases();
  }

  async release(upToRank: number, siteId: string | null, releasedBy: string): Promise<void> {
    if (siteId) await this.catalogue.getSite(siteId);
    await this.sql.transaction(async (client) => {
      await this.priorities.release(client, upToRank, siteId, releasedBy);
      await this.audit.recordSetting(client, 'priority_release', 'create');
    });
  }
}
