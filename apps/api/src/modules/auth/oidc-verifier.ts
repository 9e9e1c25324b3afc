import { Inject, Injectable } from '@nestjs/common';
import { isStaffRole, type StaffRole } from '@vaccinate/api-contracts';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import type { ApiConfig, OidcConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import type { Principal } from '../../common/request-context';

type KeySet = ReturnType<typeof createRemoteJWKSet>;

/** Accepts ID tokens of the tenant's own identity provider, checked against its published keys. */
@Injectable()
export class OidcVerifier {
  private readonly oidc: OidcConfig | null;
  private keySet: Promise<KeySet> | null = null;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.oidc = config.oidc;
  }

  get enabled(): boolean {
    return this.oidc !== null;
  }

  get publicSettings(): { issuer: string; clientId: string } | undefined {
    return this.oidc ? { issuer: this.oidc.issuer, clientId: this.oidc.clientId } : undefined;
  }

  /** True when the (unverified) token claims to come from the configured issuer. */
  claimsOurIssuer(token: string): boolean {
    if (!this.oidc) return false;
    try {
      return decodeJwt(token).iss === this.oidc.issuer;
    } catch {
      return false;
    }
  }

  async verify(token: string): Promise<Principal | null> {
    const oidc = this.oidc;
    if (!oidc) return null;
    try {
      const { payload } = await jwtVerify(token, await this.keys(oidc), {
        issuer: oidc.issuer,
        audience: oidc.clientId,
        algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      });
      if (!payload.sub) return null;
      return {
        subject: `oidc:${payload.sub}`,
        kind: 'oidc',
        roles: mapRoles(payload, oidc),
        mustChangePassword: false,
        ...(typeof payload['email'] === 'string' ? { email: payload['email'] } : {}),
        ...(typeof payload['name'] === 'string' ? { displayName: payload['name'] } : {}),
      };
    } catch {
      // When discovery itself failed, try it again on the next call rather than failing forever.
      if (
        this.keySet &&
        (await this.keySet.then(
          () => false,
          () => true,
        ))
      )
        this.keySet = null;
      return null;
    }
  }

  private keys(oidc: OidcConfig): Promise<KeySet> {
    this.keySet ??= discoverKeySet(oidc.issuer);
    return this.keySet;
  }
}

async function discoverKeySet(issuer: string): Promise<KeySet> {
  const discoveryUrl = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(discoveryUrl, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`OIDC discovery answered ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (document.issuer !== issuer || typeof document.jwks_uri !== 'string') {
    throw new Error('OIDC discovery document does not match the configured issuer');
  }
  return createRemoteJWKSet(new URL(document.jwks_uri));
}

/** Claim values mapped through OIDC_ROLE_MAP; without a map, values that are role names count as they are. */
export function mapRoles(payload: JWTPayload, oidc: OidcConfig): StaffRole[] {
  const claim = payload[oidc.rolesClaim];
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[ ,]+/) : [];
  const roles = new Set<StaffRole>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const mapped = oidc.roleMap.size > 0 ? oidc.roleMap.get(value) : isStaffRole(value) ? value : undefined;
    if (mapped) roles.add(mapped);
  }
  return [...roles];
}
