import { Inject, Injectable } from '@nestjs/common';
import type { FieldProblem } from '@vaccinate/api-contracts';
import { randomInt } from 'node:crypto';
import { AppException, ValidationException } from '../../common/problem/app-exception';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { CaptchaService } from '../captcha/captcha.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { PriorityRulesService } from '../priority/priority-rules.service';
import type { CreateRegistrationDto } from './dto/create-registration.dto';
import { RegistrationRepository } from './registration.repository';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ANSWER_KEY = /^[a-z][a-z0-9-]{0,40}$/;

/** `R7KQ-4M2X-DZ`: short enough to read out on the phone, 50 bits so it cannot be guessed. */
export function newTrackingCode(): string {
  const chars = Array.from({ length: 9 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `R${chars.slice(0, 3)}-${chars.slice(3, 7)}-${chars.slice(7)}`;
}

export interface RegistrationAccepted {
  trackingCode: string;
  statusUrl: string;
}

/** The protective layer: every registration is validated, encrypted, written once and answered 202. */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly catalogue: CatalogueService,
    private readonly captcha: CaptchaService,
    private readonly priorities: PriorityRulesService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async register(dto: CreateRegistrationDto, clientIp: string): Promise<RegistrationAccepted> {
    const answers = dto.answers ?? {};
    assertAnswers(answers);
    if (!(await this.captcha.verify(dto.captcha, clientIp))) {
      throw new AppException('captcha.invalid', 400, 'Please try again', 'The automatic check did not pass. Reload the page and try again.', [
        { field: 'captcha', message: 'did not pass' },
      ]);
    }
    if (dto.productId) await this.catalogue.product(dto.productId);
    const occupations = dto.occupations ?? [];
    const priority = await this.priorities.assign({ birthDate: dto.person.birthDate, occupations, answers });
    const { trackingCode } = await this.registrations.insertOrFind({
      trackingCode: newTrackingCode(),
      givenName: dto.person.givenName,
      familyName: dto.person.familyName,
      email: dto.person.email,
      birthDate: dto.person.birthDate,
      phone: dto.person.phone ?? null,
      profile: { occupations, answers, locale: dto.locale ?? this.config.branding.defaultLocale },
      productId: dto.productId ?? null,
      preferredSiteIds: [...new Set(dto.preferredSiteIds ?? [])],
      preferredWeekdays: [...new Set(dto.preferredWeekdays ?? [])].sort(),
      priority,
    });
    // The code travels in the fragment: it never reaches a server log.
    return { trackingCode, statusUrl: `${this.config.publicUrl}/registration/status#${trackingCode}` };
  }

  async status(trackingCode: string, birthDate: string) {
    const status = await this.registrations.statusOf(trackingCode, birthDate);
    // One answer for an unknown code and a wrong birth date: the status page reveals nothing to a guesser.
    if (!status) {
      throw new AppException('registration.not_found', 404, 'Not found', 'No registration matches this tracking code and birth date.');
    }
    return { trackingCode, ...status };
  }
}

function assertAnswers(answers: Record<string, unknown>): void {
  const problems: FieldProblem[] = [];
  const entries = Object.entries(answers);
  if (entries.length > 50) problems.push({ field: 'answers', message: 'must have at most 50 answers' });
  for (const [key, value] of entries.slice(0, 50)) {
    if (!ANSWER_KEY.test(key)) problems.push({ field: `answers.${key.slice(0, 40)}`, message: 'is not a question id' });
    else if (!['string', 'number', 'boolean'].includes(typeof value) || (typeof value === 'string' && value.length > 200)) {
      problems.push({ field: `answers.${key}`, message: 'must be a short text, a number or yes/no' });
    }
  }
  if (problems.length > 0) throw new ValidationException(problems);
}
