import { Inject, Injectable } from '@nestjs/common';
import { hkdfSync } from 'node:crypto';
import { createChallenge } from 'altcha-lib/v1';
import type { CaptchaChallenge } from '@vaccinate/api-contracts';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { SharedCounterRepository } from '../../database/shared-counter.repository';
import { verifiedAltchaChallenge } from './altcha-solution';

const CHALLENGE_TTL_MS = 10 * 60_000;

/**
 * Self-hosted proof of work (ALTCHA): no third party sees the visitor, which suits health data.
 * Tenants that want Google reCAPTCHA configure it instead. A solved challenge is accepted once, by
 * any replica and in any encoding: the record of its use is keyed on the challenge, in the database.
 */
@Injectable()
export class CaptchaService {
  private readonly hmacKey: string;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly counters: SharedCounterRepository,
  ) {
    // Derived from the tenant's current staff-token key: no extra secret to provision, different per tenant.
    // Rotating that key only voids the challenges in flight (minutes).
    const der = config.accessTokenKeys.current.privateKey.export({ format: 'der', type: 'pkcs8' });
    this.hmacKey = Buffer.from(hkdfSync('sha256', der, Buffer.alloc(0), 'vaccinate/captcha-hmac', 32)).toString('hex');
  }

  async challenge(): Promise<CaptchaChallenge> {
    const captcha = this.config.captcha;
    if (captcha.provider === 'recaptcha') return { provider: 'recaptcha' };
    const challenge = await createChallenge({
      hmacKey: this.hmacKey,
      maxnumber: captcha.maxNumber,
      expires: new Date(Date.now() + CHALLENGE_TTL_MS),
    });
    return { provider: 'altcha', ...challenge };
  }

  async verify(solution: string, clientIp: string): Promise<boolean> {
    const captcha = this.config.captcha;
    if (captcha.provider === 'recaptcha') return this.verifyRecaptcha(solution, clientIp, captcha);
    if (solution.length > 2_000) return false;
    const verified = verifiedAltchaChallenge(solution, this.hmacKey);
    if (!verified) return false;
    const expiresAt = new Date(verified.expiresAt ?? Date.now() + CHALLENGE_TTL_MS);
    return (await this.counters.hit(`captcha:${verified.challenge}`, expiresAt)) === 1;
  }

  private async verifyRecaptcha(token: string, clientIp: string, captcha: Extract<ApiConfig['captcha'], { provider: 'recaptcha' }>): Promise<boolean> {
    try {
      const response = await fetch(captcha.verifyUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ secret: captcha.secret, response: token, remoteip: clientIp }),
        signal: AbortSignal.timeout(5_000),
      });
      const result = (await response.json()) as { success?: boolean; score?: number };
      return result.success === true && (result.score === undefined || result.score >= captcha.minScore);
    } catch {
      return false;
    }
  }
}
