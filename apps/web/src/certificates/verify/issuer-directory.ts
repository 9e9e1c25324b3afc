import type { CertificateRevocationList, DccTrustList, JsonWebKeySet } from '@vaccinate/api-contracts';
import type { TenantDirectory, TenantEntry } from '@vaccinate/tenant-directory';
import type { CertificateVerification } from './certificate-verification';

/** A tenant as a verifier sees it: where its keys and its revocation list are published. */
export interface IssuerTenant {
  slug: string;
  displayName: string;
  /** Its public URLs: the `iss` of its SMART Health Cards is one of them. */
  origins: string[];
  jwksUrl: string;
  /** Its EU DCC trust list: the Document Signer Certificates of its HC1 codes. */
  trustListUrl: string;
  revocationsUrl: string;
}

/** A public key as `/.well-known/jwks.json` serves it. */
export type PublicJwk = JsonWebKey & { kid?: string };

/** Where the verifier gets keys and revocations; tests pass their own. */
export interface IssuerDirectory {
  tenants: IssuerTenant[];
  keys(tenant: IssuerTenant): Promise<PublicJwk[]>;
  /** The tenant's Document Signer Certificates, DER. */
  signerCertificates(tenant: IssuerTenant): Promise<Uint8Array[]>;
  /** The UVCIs and SMART Health Card revocation ids the tenant has revoked. */
  revokedIds(tenant: IssuerTenant): Promise<Set<string>>;
}

/**
 * Every tenant of the platform, reached the way this page was (same scheme and port): the tenant
 * hosts are served by the same ingress (or gateway). Key sets are cached for the page's life.
 */
export function issuerTenants(directory: TenantDirectory, location: Pick<Location, 'protocol' | 'port'>): IssuerTenant[] {
  const port = location.port ? `:${location.port}` : '';
  return directory.tenants.map((tenant: TenantEntry) => {
    const origins = tenant.domains.map((domain) => `${location.protocol}//${domain}${port}`);
    const origin = origins[0] ?? '';
    const apiBase = /^https?:\/\//.test(tenant.apiBaseUrl) ? tenant.apiBaseUrl.replace(/\/+$/, '') : `${origin}${tenant.apiBaseUrl.replace(/\/+$/, '')}`;
    return {
      slug: tenant.slug,
      displayName: tenant.displayName,
      origins,
      jwksUrl: `${origin}/.well-known/jwks.json`,
      trustListUrl: `${apiBase}/certificates/trust-list`,
      revocationsUrl: `${apiBase}/certificates/revocations`,
    };
  });
}

export function fetchingIssuerDirectory(tenants: IssuerTenant[], fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init)): IssuerDirectory {
  const keySets = new Map<string, Promise<PublicJwk[]>>();
  const trustLists = new Map<string, Promise<Uint8Array[]>>();
  const getJson = async (url: string, cache: RequestCache = 'default'): Promise<unknown> => {
    const response = await fetchImpl(url, { headers: { accept: 'application/json' }, cache });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response.json();
  };
  return {
    tenants,
    keys(tenant) {
      let keys = keySets.get(tenant.slug);
      if (!keys) {
        // Read defensively (another tenant's server may run another version): only what a verifier needs must be there.
        keys = getJson(tenant.jwksUrl).then((body) => ((body as Partial<JsonWebKeySet>).keys ?? []).filter((key) => key.kty === 'EC'));
        keys.catch(() => keySets.delete(tenant.slug));
        keySets.set(tenant.slug, keys);
      }
      return keys;
    },
    signerCertificates(tenant) {
      let certificates = trustLists.get(tenant.slug);
      if (!certificates) {
        certificates = getJson(tenant.trustListUrl).then((body) =>
          ((body as Partial<DccTrustList>).certificates ?? [])
            .filter((entry) => entry.certificateType === 'DSC' && typeof entry.rawData === 'string')
            .map((entry) => Uint8Array.from(atob(entry.rawData), (character) => character.charCodeAt(0))),
        );
        certificates.catch(() => trustLists.delete(tenant.slug));
        trustLists.set(tenant.slug, certificates);
      }
      return certificates;
    },
    // Revalidated on every check, past the list's max-age: a revocation must show at once here.
    async revokedIds(tenant) {
      const body = (await getJson(tenant.revocationsUrl, 'no-cache')) as Partial<CertificateRevocationList>;
      // Both ids of a revoked certificate: the EU DCC's UVCI and the SMART Health Card's rid.
      return new Set((body.revoked ?? []).flatMap((entry) => [entry.certificateId, entry.shcRevocationId]).filter((id): id is string => typeof id === 'string'));
    },
  };
}

/** Whether the tenant lists this id (a UVCI or a card's rid) as revoked; `unknown` when the list cannot be read. */
export async function revocationOf(issuers: IssuerDirectory, tenant: IssuerTenant, revocationKey: string): Promise<CertificateVerification['revocation']> {
  try {
    return (await issuers.revokedIds(tenant)).has(revocationKey) ? 'revoked' : 'not-revoked';
  } catch {
    return 'unknown';
  }
}
