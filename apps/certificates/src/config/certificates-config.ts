import type { CertificateSecret } from '@vaccinate/certificate-token';
import { z } from 'zod';

/** The function's whole configuration, read once at boot. */
export interface CertificatesConfig {
  port: number;
  host: string;
  logLevel: string;
  /** Per issuer URL (the tenant API's public URL, the token's `iss`), its certificate secrets. */
  issuers: Map<string, CertificateSecret[]>;
  /**
   * Where to fetch an issuer's key set instead of `<issuer>/.well-known/jwks.json`: the tenant
   * API's in-cluster Service (no round trip through the ingress), or its local port under `npm start`.
   */
  jwksUrls: Map<string, string>;
  /** How long a fetched issuer key set is trusted before it is fetched again. */
  jwksTtlMs: number;
  /** Certificate attempts per client address and minute. */
  rateLimitPerMinute: number;
  /**
   * How many reverse proxies in front add themselves to `X-Forwarded-For`: 0 trusts none and
   * limits by the socket address; 1 (one ingress controller) takes the last entry it appended.
   */
  trustedProxyHops: number;
  /** OTLP/HTTP collector (`OTEL_EXPORTER_OTLP_ENDPOINT`); null keeps tracing off. */
  tracing: { otlpEndpoint: string } | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

const MIN_SECRET_BYTES = 32;
const PORT_MESSAGE = 'must be a port number';

const environmentSchema = z.object({
  PORT: z.coerce.number({ error: PORT_MESSAGE }).int(PORT_MESSAGE).min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be a pino level such as info' }).default('info'),
  JWKS_CACHE_TTL_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(10).max(86_400).default(300),
  RATE_LIMIT_PER_MINUTE: z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(10_000).default(10),
  TRUSTED_PROXY_HOPS: z.coerce.number({ error: 'must be a whole number' }).int().min(0).max(5).default(0),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .optional()
    .refine((value) => !value || /^https?:\/\/[^/]/.test(value), 'must be an http(s) URL'),
});

/**
 * Validates the environment and reports every bad variable by name, never its value:
 * `CERTIFICATE_SECRETS` is as sensitive as a signing key. Throws a ConfigError listing all problems.
 */
export function loadCertificatesConfig(env: NodeJS.ProcessEnv = process.env): CertificatesConfig {
  const problems: string[] = [];
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${String(issue.path[0] ?? 'environment')}: ${issue.message}`);
  }
  const merged = mergeIssuerVariables(env, problems);
  const issuers = parseCertificateSecrets(merged.secrets, env['NODE_ENV'] === 'production', problems);
  const jwksUrls = parseJwksUrls(merged.jwksUrls, issuers, problems);
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);

  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    issuers,
    jwksUrls,
    jwksTtlMs: values.JWKS_CACHE_TTL_SECONDS * 1000,
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE,
    trustedProxyHops: values.TRUSTED_PROXY_HOPS,
    tracing: values.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: values.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '') } : null,
  };
}

const ISSUER_PREFIX = 'CERTIFICATE_ISSUER_';

/**
 * Each tenant may also bring its own variable, `CERTIFICATE_ISSUER_<SLUG>` =
 * `{"issuer": "<url>", "jwksUrl": "<url>", "secrets": [{"id": "...", "secret": "<base64>"}]}`: Terraform's
 * tenant module writes it as its own key of the function's Secret, so adding a tenant touches no shared
 * file. They are merged into the CERTIFICATE_SECRETS and JWKS_URLS documents and checked as those are.
 */
function mergeIssuerVariables(env: NodeJS.ProcessEnv, problems: string[]): { secrets: string | undefined; jwksUrls: string | undefined } {
  const names = Object.keys(env)
    .filter((name) => name.startsWith(ISSUER_PREFIX))
    .sort();
  if (names.length === 0) return { secrets: env['CERTIFICATE_SECRETS'], jwksUrls: env['JWKS_URLS'] };
  const parseObject = (name: string): Record<string, unknown> => {
    const raw = env[name];
    if (!raw?.trim()) return {};
    try {
      const value: unknown = JSON.parse(raw);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // reported below
    }
    problems.push(`${name}: is not a JSON object`);
    return {};
  };
  const secrets = parseObject('CERTIFICATE_SECRETS');
  const jwksUrls = parseObject('JWKS_URLS');
  for (const name of names) {
    const entry = parseObject(name);
    if (Object.keys(entry).length === 0) continue;
    if (typeof entry['issuer'] !== 'string') {
      problems.push(`${name}: needs "issuer", the tenant's public URL`);
      continue;
    }
    if (entry['issuer'] in secrets) problems.push(`${name}: issuer "${entry['issuer']}" is configured twice`);
    secrets[entry['issuer']] = entry['secrets'];
    if (entry['jwksUrl'] !== undefined) jwksUrls[entry['issuer']] = entry['jwksUrl'];
  }
  return { secrets: JSON.stringify(secrets), jwksUrls: JSON.stringify(jwksUrls) };
}

/**
 * `{"https://acme.example.org": [{"id": "cs-1", "secret": "<base64, >= 32 bytes>"}]}`. Secret ids
 * must be unique across issuers: the token's header names only its secret id, so the id is what
 * tells which issuer's keys to fetch.
 */
function parseCertificateSecrets(raw: string | undefined, production: boolean, problems: string[]): Map<string, CertificateSecret[]> {
  const name = 'CERTIFICATE_SECRETS';
  const issuers = new Map<string, CertificateSecret[]>();
  if (!raw?.trim()) {
    problems.push(`${name}: is required (JSON: {"<issuer URL>": [{"id": "...", "secret": "<base64>"}]})`);
    return issuers;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push(`${name}: is not valid JSON`);
    return issuers;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || Object.keys(parsed).length === 0) {
    problems.push(`${name}: must be an object with at least one issuer URL`);
    return issuers;
  }
  const seenIds = new Set<string>();
  for (const [issuer, list] of Object.entries(parsed as Record<string, unknown>)) {
    const issuerProblem = checkIssuerUrl(issuer, production);
    // The issuer URL is configuration, not a secret: naming it helps find the bad entry.
    if (issuerProblem) problems.push(`${name}: issuer "${issuer}" ${issuerProblem}`);
    if (!Array.isArray(list) || list.length === 0) {
      problems.push(`${name}: issuer "${issuer}" needs a non-empty list of {id, secret}`);
      continue;
    }
    const secrets: CertificateSecret[] = [];
    list.forEach((entry: unknown, index) => {
      const where = `${name}: issuer "${issuer}" secret [${index}]`;
      const candidate = entry as { id?: unknown; secret?: unknown } | null;
      if (typeof candidate?.id !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(candidate.id)) {
        problems.push(`${where}: "id" must be 1-64 letters, digits, dots, dashes or underscores`);
        return;
      }
      if (seenIds.has(candidate.id)) problems.push(`${where}: id "${candidate.id}" is used twice; ids are unique across issuers`);
      seenIds.add(candidate.id);
      const bytes = typeof candidate.secret === 'string' ? decodeBase64(candidate.secret) : undefined;
      if (!bytes || bytes.length < MIN_SECRET_BYTES) {
        problems.push(`${where}: "secret" must be base64 of at least ${MIN_SECRET_BYTES} bytes`);
        return;
      }
      secrets.push({ id: candidate.id, secret: bytes });
    });
    if (!issuerProblem) issuers.set(issuer, secrets);
  }
  return issuers;
}

/** `{"https://acme.example.org": "http://api.tenant-acme.svc.cluster.local:3000/.well-known/jwks.json"}`, optional. */
function parseJwksUrls(raw: string | undefined, issuers: Map<string, CertificateSecret[]>, problems: string[]): Map<string, string> {
  const name = 'JWKS_URLS';
  const urls = new Map<string, string>();
  if (!raw?.trim()) return urls;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push(`${name}: is not valid JSON`);
    return urls;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    problems.push(`${name}: must be an object of issuer URL -> key set URL`);
    return urls;
  }
  for (const [issuer, url] of Object.entries(parsed as Record<string, unknown>)) {
    if (!issuers.has(issuer)) problems.push(`${name}: issuer "${issuer}" is not in CERTIFICATE_SECRETS`);
    else if (typeof url !== 'string' || checkIssuerUrl(url.replace(/\/\.well-known\/jwks\.json$/, ''), false)) {
      problems.push(`${name}: the key set URL of "${issuer}" must be a plain http(s) URL`);
    } else urls.set(issuer, url);
  }
  return urls;
}

function checkIssuerUrl(issuer: string, production: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
  if (production && url.protocol !== 'https:') return 'must be https in production';
  if (issuer.endsWith('/') || url.search || url.hash || url.username || url.password) {
    return 'must be a plain URL without a trailing slash, query, fragment or credentials';
  }
  return undefined;
}

function decodeBase64(value: string): Uint8Array | undefined {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return undefined;
  return new Uint8Array(Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64'));
}
