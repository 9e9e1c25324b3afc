import { Inject, Injectable } from '@nestjs/common';
import { isStaffRole, type StaffRole } from '@vaccinate/api-contracts';
import type { KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, errors, exportJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import type { SigningKey } from '../../config/signing-keys';
import type { Principal } from '../../common/request-context';

/** The audience every token of this tenant carries; another tenant's API refuses it. */
export function tenantAudience(slug: string): string {
  return `vaccinate:tenant:${slug}`;
}

/** A public key as published: RFC 7638 thumbprint as kid. */
export interface PublishedKey {
  kid: string;
  publicKey: KeyObject;
  jwk: JWK;
}

export async function publishedKey(key: SigningKey): Promise<PublishedKey> {
  const jwk = await exportJWK(key.publicKey);
  return { kid: await calculateJwkThumbprint(jwk), publicKey: key.publicKey, jwk };
}

/**
 * Issues and checks the tenant's own short-lived staff tokens (ES256) with the access-token keys,
 * never the certificate keys: a token key can rotate every few hours without touching certificates.
 */
@Injectable()
export class TokenService {
  private readonly keys: Promise<PublishedKey[]>;
  private readonly currentKid: Promise<string>;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    this.keys = Promise.all(config.accessTokenKeys.keys.map(publishedKey));
    this.currentKid = publishedKey(config.accessTokenKeys.current).then((key) => key.kid);
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
      .setProtectedHeader({ alg: 'ES256', kid: await this.currentKid, typ: 'at+jwt' })
      .setSubject(subject)
      .setIssuer(this.issuer)
      .setAudience(tenantAudience(this.config.tenantSlug))
      .setIssuedAt()
      .setExpirationTime(`${expiresIn}s`)
      .sign(this.config.accessTokenKeys.current.privateKey);
    return { token, expiresIn };
  }

  /** Null for any token that is not this tenant's, expired, tampered with or signed by a key no longer configured. */
  async verify(token: string): Promise<Principal | null> {
    const keys = await this.keys;
    try {
      const { payload } = await jwtVerify(
        token,
        (header) => {
          const key = keys.find((candidate) => candidate.kid === header.kid);
          if (!key) throw new errors.JWKSNoMatchingKey();
          return key.publicKey;
        },
        { algorithms: ['ES256'], issuer: this.issuer, audience: tenantAudience(this.config.tenantSlug), typ: 'at+jwt' },
      );
      const roles = Array.isArray(payload['roles']) ? payload['roles'].filter(isStaffRole) : [];
      const sessionId = payload['sid'];
      if (!payload.sub || typeof sessionId !== 'string') return null;
      return { subject: payload.sub, kind: 'staff', roles, mustChangePassword: payload['mcp'] === true, sessionId };
    } catch {
      return null;
    }
  }

  /** Every access-token key, current and retired: what verifies a staff token. */
  publishedKeys(): Promise<PublishedKey[]> {
    return this.keys;
  }
}
