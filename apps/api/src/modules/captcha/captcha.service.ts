import { Inject, Injectable } from '@nestjs/common';
import { createHash, hkdfSync } from 'node:crypto';
import { createChallenge } from 'altcha-lib/v1';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { verifyAltchaSolution } from './altcha-solution';

const CHALLENGE_TTL_MS = 10 * 60_000;

/** ALTCHA's challenge fields at the top level (what its widgets and solvers read), plus the provider. */
export type CaptchaChallenge =
  | { provider: 'altcha'; algorithm: string; challenge: string; maxnumber?: number; salt: string; signature: string }
  | { provider: 'recaptcha' };

/**
 * Self-hosted proof of work (ALTCHA): no third party sees the visitor, which suits health data.
 * Tenants that want Google reCAPTCHA configure it instead. A solved challenge is accepted once.
 */
@Injectable()
export class CaptchaService {
  private readonly hmacKey: string;
  private readonly used = new Map<string, number>();

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    // Derived from the tenant's signing key: no extra secret to provision, different per tenant.
    const der = config.tokenSigningKey.export({ format: 'der', type: 'pkcs8' });
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
    return verifyAltchaSolution(solution, this.hmacKey) && this.firstUse(solution);
  }

  private firstUse(solution: string): boolean {
    const now = Date.now();
    const fingerprint = createHash('sha256').update(solution).digest('base64url');
    if (this.used.has(fingerprint)) return false;
    this.used.set(fingerprint, now + CHALLENGE_TTL_MS);
    if (this.used.size > 200_000) {
      for (const [key, expires] of this.used) if (expires < now) this.used.delete(key);
    }
    return true;
  }

  private async verifyRecaptcha(
    token: string,
    clientIp: string,
    captcha: Extract<ApiConfig['captcha'], { provider: 'recaptcha' }>,
  ): Promise<boolean> {
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
