import { Inject, Injectable } from '@nestjs/common';
import { isStaffRole, type StaffRole } from '@vaccinate/api-contracts';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import type { Principal } from '../../common/request-context';

/** The audience every token of this tenant carries; another tenant's API refuses it. */
export function tenantAudience(slug: string): string {
  return `vaccinate:tenant:${slug}`;
}

/** Issues and checks the tenant's own short-lived staff tokens (ES256). */
@Injectable()
export class TokenService {
  private readonly publicKey: KeyObject;
  private readonly keyId: Promise<string>;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    this.publicKey = createPublicKey(config.tokenSigningKey);
    this.keyId = exportJWK(this.publicKey).then((jwk) => calculateJwkThumbprint(jwk));
  }

  get issuer(): string {
    return this.config.publicUrl;
  }

  get ttlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  async issue(subject: string, roles: StaffRole[], mustChangePassword: boolean, sessionId: string): Promise<{ token: string; expiresIn: number }> {
    const expiresIn = this.config.accessTokenTtlSeconds;
    const token = await new SignJWT({ roles, mcp: mustChangePassword, sid: sessionId })
      .setProtectedHeader({ alg: 'ES256', kid: await this.keyId, typ: 'at+jwt' })
      .setSubject(subject)
      .setIssuer(this.issuer)
      .setAudience(tenantAudience(this.config.tenantSlug))
      .setIssuedAt()
      .setExpirationTime(`${expiresIn}s`)
      .sign(this.config.tokenSigningKey);
    return { token, expiresIn };
  }

  /** Null for any token that is not this tenant's, expired or tampered with. Whether its session is still open is the guard's check. */
  async verify(token: string): Promise<Principal | null> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        algorithms: ['ES256'],
        issuer: this.issuer,
        audience: tenantAudience(this.config.tenantSlug),
        typ: 'at+jwt',
      });
      const roles = Array.isArray(payload['roles']) ? payload['roles'].filter(isStaffRole) : [];
      const sessionId = payload['sid'];
      if (!payload.sub || typeof sessionId !== 'string') return null;
      return { subject: payload.sub, kind: 'staff', roles, mustChangePassword: payload['mcp'] === true, sessionId };
    } catch {
      return null;
    }
  }

  async publicJwk(): Promise<JWK> {
    return { ...(await exportJWK(this.publicKey)), kid: await this.keyId, alg: 'ES256', use: 'sig' };
  }
}
