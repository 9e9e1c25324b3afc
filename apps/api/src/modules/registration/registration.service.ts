import { Inject, Injectable } from '@nestjs/common';
import type { RegistrationAccepted, RegistrationRequest, RegistrationStatus as RegistrationStatusView } from '@vaccinate/api-contracts';
import { REGISTRATION_MAIL_TEMPLATE } from '@vaccinate/mail-contracts';
import { randomInt } from 'node:crypto';
import { AppException } from '../../common/problem/app-exception';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { CaptchaService } from '../captcha/captcha.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { PriorityRulesService } from '../priority/priority-rules.service';
import { RegistrationRepository } from './registration.repository';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `R7KQ-4M2X-DZ`: short enough to read out on the phone, 50 bits so it cannot be guessed. */
export function newTrackingCode(): string {
  const chars = Array.from({ length: 9 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `R${chars.slice(0, 3)}-${chars.slice(3, 7)}-${chars.slice(7)}`;
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

  async register(dto: RegistrationRequest, clientIp: string): Promise<RegistrationAccepted> {
    const answers = dto.answers ?? {};
    if (!(await this.captcha.verify(dto.captcha, clientIp))) {
      throw new AppException('captcha.invalid', 400, 'Please try again', 'The automatic check did not pass. Reload the page and try again.', [
        { field: 'captcha', message: 'did not pass' },
      ]);
    }
    const product = dto.productId ? await this.catalogue.product(dto.productId) : null;
    const occupations = dto.occupations ?? [];
    const priority = await this.priorities.assign({ birthDate: dto.person.birthDate, occupations, answers });
    const locale = dto.locale ?? this.config.branding.defaultLocale;
    const proposed = newTrackingCode();
    const { trackingCode } = await this.registrations.insertOrFind({
      trackingCode: proposed,
      givenName: dto.person.givenName,
      familyName: dto.person.familyName,
      email: dto.person.email,
      birthDate: dto.person.birthDate,
      phone: dto.person.phone ?? null,
      profile: { occupations, answers, locale },
      productId: dto.productId ?? null,
      preferredSiteIds: [...new Set(dto.preferredSiteIds ?? [])],
      preferredWeekdays: [...new Set(dto.preferredWeekdays ?? [])].sort(),
      priority,
      mail: (trackingCode) => ({
        template: REGISTRATION_MAIL_TEMPLATE,
        locale,
        to: { email: dto.person.email, name: `${dto.person.givenName} ${dto.person.familyName}` },
        data: { trackingCode, statusUrl: this.statusUrl(trackingCode), ...(product ? { productName: product.name } : {}) },
      }),
    });
    return { trackingCode, statusUrl: this.statusUrl(trackingCode) };
  }

  private statusUrl(trackingCode: string): string {
    // The code travels in the fragment: it never reaches a server log.
    return `${this.config.publicUrl}/registration/status#${trackingCode}`;
  }

  /** The person leaves the waiting list; nobody is allocated for them afterwards. */
  async withdraw(trackingCode: string, birthDate: string): Promise<{ status: 'withdrawn' }> {
    const outcome = await this.registrations.withdraw(trackingCode, birthDate);
    if (outcome === 'not_found') {
      throw new AppException('registration.not_found', 404, 'Not found', 'No registration matches this tracking code and birth date.');
    }
    if (outcome === 'booked') {
      throw new AppException(
        'registration.already_booked',
        409,
        'You have an appointment already',
        'Cancel it with the link in your booking e-mail; that also frees your place for someone else.',
      );
    }
    return { status: 'withdrawn' };
  }

  async status(trackingCode: string, birthDate: string): Promise<RegistrationStatusView> {
    const found = await this.registrations.statusOf(trackingCode, birthDate);
    // One answer for an unknown code and a wrong birth date: the status page reveals nothing to a guesser.
    if (!found) {
      throw new AppException('registration.not_found', 404, 'Not found', 'No registration matches this tracking code and birth date.');
    }
    const { rules } = await this.priorities.inForce();
    const group = found.rank === null ? null : (rules.groups.find((candidate) => candidate.rank === found.rank) ?? null);
    const vaccinated = found.status === 'vaccinated' || found.vaccinated;
    const status = vaccinated ? 'vaccinated' : found.status === 'queued' && found.offer ? 'offered' : found.status;
    return {
      trackingCode,
      status,
      registeredAt: found.registeredAt,
      group: group ? { rank: group.rank, name: group.name } : null,
      ahead: found.ahead,
      position: found.status === 'queued' ? found.ahead + 1 : null,
      appointments: found.appointments,
      offer: found.offer,
    };
  }
}
