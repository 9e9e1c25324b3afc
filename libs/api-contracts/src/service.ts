import { Type } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { Strict } from './contract/schema';

/** `GET /api/health/live` and `/ready`: the failures are 503 problems. */
export const HealthStatus = contract('HealthStatus', Strict({ status: Type.Literal('ok') }));
export type HealthStatus = Payload<typeof HealthStatus>;

/** `GET /api/captcha/challenge`: ALTCHA's challenge fields at the top level (what its widgets and solvers read), or the configured provider. */
export const CaptchaChallenge = contract(
  'CaptchaChallenge',
  Type.Union([
    Strict({
      provider: Type.Literal('altcha'),
      algorithm: Type.String({ examples: ['SHA-256'] }),
      challenge: Type.String(),
      maxnumber: Type.Optional(Type.Integer()),
      salt: Type.String(),
      signature: Type.String(),
    }),
    Strict({ provider: Type.Literal('recaptcha') }),
  ]),
);
export type CaptchaChallenge = Payload<typeof CaptchaChallenge>;
