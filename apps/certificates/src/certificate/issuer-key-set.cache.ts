import type { OpenCertificateTokenOptions } from '@vaccinate/certificate-token';

/** A public key set as served at `/.well-known/jwks.json`. */
export type JSONWebKeySet = OpenCertificateTokenOptions['jwks'];

/** Fetches an issuer's public key set; tests inject one that answers without a network. */
export type JwksFetcher = (issuer: string) => Promise<JSONWebKeySet>;

export class IssuerUnavailableError extends Error {
  override readonly name = 'IssuerUnavailableError';
}

interface CachedKeySet {
  jwks: JSONWebKeySet;
  fetchedAt: number;
}

const MAX_JWKS_BYTES = 64 * 1024;
const FETCH_TIMEOUT_MS = 5_000;
/** A refetch forced by an unknown key waits this long after the last fetch, so bad tokens cannot hammer an issuer. */
const MIN_REFRESH_INTERVAL_MS = 30_000;

/**
 * The issuers' public keys, cached with a TTL. Only configured issuers are ever fetched; the URL
 * is built from configuration, never from request data. A failed refetch keeps serving the last
 * good key set: a tenant API that is briefly down should not stop certificates from opening.
 */
export class IssuerKeySetCache {
  private readonly cache = new Map<string, CachedKeySet>();
  private readonly inFlight = new Map<string, Promise<JSONWebKeySet>>();

  constructor(
    private readonly issuers: ReadonlySet<string>,
    private readonly ttlMs: number,
    private readonly fetcher: JwksFetcher = fetchJwks,
    private readonly now: () => number = Date.now,
  ) {}

  async get(issuer: string): Promise<JSONWebKeySet> {
    const cached = this.cache.get(issuer);
    if (cached && this.now() - cached.fetchedAt < this.ttlMs) return cached.jwks;
    return this.refresh(issuer);
  }

  /** After a token named a key the cached set lacks (a rotation), fetch again unless that just happened. */
  async refreshIfStale(issuer: string): Promise<JSONWebKeySet | undefined> {
    const cached = this.cache.get(issuer);
    if (cached && this.now() - cached.fetchedAt < MIN_REFRESH_INTERVAL_MS) return undefined;
    return this.refresh(issuer);
  }

  private refresh(issuer: string): Promise<JSONWebKeySet> {
    if (!this.issuers.has(issuer)) return Promise.reject(new IssuerUnavailableError('not a configured issuer'));
    const running = this.inFlight.get(issuer);
    if (running) return running;
    const fetching = this.fetcher(issuer)
      .then((jwks) => {
        if (!isKeySet(jwks)) throw new IssuerUnavailableError('the issuer key set has no keys');
        this.cache.set(issuer, { jwks, fetchedAt: this.now() });
        return jwks;
      })
      .catch((error: unknown) => {
        const stale = this.cache.get(issuer);
        if (stale) return stale.jwks;
        throw error instanceof IssuerUnavailableError ? error : new IssuerUnavailableError('the issuer key set could not be fetched', { cause: error });
      })
      .finally(() => this.inFlight.delete(issuer));
    this.inFlight.set(issuer, fetching);
    return fetching;
  }
}

/** `<issuer>/.well-known/jwks.json` (or the configured URL), no redirects (they could lead anywhere), bounded in time and size. */
export async function fetchJwks(issuer: string, url = `${issuer}/.well-known/jwks.json`): Promise<JSONWebKeySet> {
  const response = await fetch(url, {
    redirect: 'error',
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new IssuerUnavailableError(`the issuer answered ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_JWKS_BYTES) throw new IssuerUnavailableError('the issuer key set is too large');
  return JSON.parse(text) as JSONWebKeySet;
}

function isKeySet(value: unknown): value is JSONWebKeySet {
  const keys = (value as { keys?: unknown } | null)?.keys;
  return Array.isArray(keys) && keys.length > 0 && keys.every((key) => key !== null && typeof key === 'object');
}
