import { Inject, Injectable } from '@nestjs/common';
import { ageEligibility, type EligibilityResult } from '@vaccinate/dose-schedule';
import {
  assignPriorityGroup,
  examplePriorityRules,
  validatePriorityRules,
  type PriorityAssignment,
  type PriorityPerson,
  type PriorityRules,
} from '@vaccinate/priority-rules';
import type { VaccineProduct } from '@vaccinate/api-contracts';
import { AppException, ValidationException } from '../../common/problem/app-exception';
import { todayIn } from '../../common/time-zone';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import type { SqlClient } from '../../database/sql';
import { readProductAgeLimits, type ProductAgeLimit } from './product-eligibility';
import { PriorityRulesRepository, type ReleaseInForce } from './priority-rules.repository';

const CACHE_MS = 5_000;

export interface RuleSetView {
  version: number;
  rules: PriorityRules;
  eligibility: ProductAgeLimit[];
  savedAt: string | null;
}

/** The tenant's priority rules in force, read through a short cache: intake evaluates them on every registration. */
@Injectable()
export class PriorityRulesService {
  private cache: { at: number; view: RuleSetView } | null = null;

  constructor(
    private readonly repository: PriorityRulesRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async inForce(): Promise<RuleSetView> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.view;
    const stored = await this.repository.current();
    const validated = stored ? validatePriorityRules(stored.rules) : null;
    // A tenant that never saved rules starts with the example set; a stored set is validated again on the way out.
    const view: RuleSetView =
      stored && validated && 'rules' in validated
        ? { version: stored.version, rules: validated.rules, eligibility: stored.eligibility, savedAt: stored.savedAt }
        : { version: 0, rules: examplePriorityRules(), eligibility: [], savedAt: null };
    this.cache = { at: Date.now(), view };
    return view;
  }

  /**
   * Validates the rules and stores them as a new version in the caller's transaction. With `basedOn`,
   * a save over a version no longer in force is refused. Call `reload` once the transaction committed.
   */
  async save(db: SqlClient, document: unknown, eligibility: unknown, savedBy: string, basedOn?: number): Promise<number> {
    const rules = validatePriorityRules(document);
    const limits = readProductAgeLimits(eligibility ?? []);
    const problems = [
      ...('problems' in rules ? rules.problems.map((p) => ({ field: p.field ? `rules.${p.field}` : 'rules', message: p.message })) : []),
      ...('problems' in limits ? limits.problems : []),
    ];
    if (problems.length > 0 || !('rules' in rules) || !('limits' in limits)) throw new ValidationException(problems);
    if (basedOn !== undefined && (await this.repository.lockVersion(db)) !== basedOn) {
      throw new AppException('priority_rules.version_conflict', 409, 'The priority rules were changed meanwhile', 'Reload them and apply your change again.');
    }
    return this.repository.save(db, rules.rules, limits.limits, savedBy);
  }

  /** The rules in force read afresh, after a save. */
  reload(): Promise<RuleSetView> {
    this.cache = null;
    return this.inForce();
  }

  async assign(person: PriorityPerson): Promise<PriorityAssignment | null> {
    const { rules } = await this.inForce();
    return assignPriorityGroup(rules, person, todayIn(this.config.timeZone));
  }

  /** The product's own age limits, narrowed by the tenant's eligibility list. */
  async eligibility(product: VaccineProduct, birthDate: string, onDate: string): Promise<EligibilityResult> {
    const { eligibility } = await this.inForce();
    const own = eligibility.find((limit) => limit.productId === product.id);
    const narrowed = {
      ...product,
      minAgeYears: Math.max(product.minAgeYears, own?.minAgeYears ?? 0),
      maxAgeYears: own?.maxAgeYears == null ? product.maxAgeYears : Math.min(product.maxAgeYears ?? own.maxAgeYears, own.maxAgeYears),
    };
    return ageEligibility(narrowed, birthDate, onDate);
  }

  releases(): Promise<ReleaseInForce[]> {
    return this.repository.releasesInForce();
  }

  release(db: SqlClient, upToRank: number, siteId: string | null, releasedBy: string): Promise<void> {
    return this.repository.release(db, upToRank, siteId, releasedBy);
  }
}
