import type { TenantSecrets } from './tenant-secrets';

export interface ApiEnvironmentVariable {
  name: string;
  required: boolean;
  /** Comes from a Kubernetes Secret, never from a ConfigMap or a plain value. */
  secret: boolean;
  /** Only the `bootstrap-admin` command reads it (the migration Job), not the API server. */
  bootstrapOnly?: boolean;
  description: string;
}

/** Every variable the API process reads; the chart and the local launcher must both follow this list. */
export const API_ENVIRONMENT_VARIABLES: readonly ApiEnvironmentVariable[] = [
  { name: 'NODE_ENV', required: false, secret: false, description: 'production in every deployment' },
  { name: 'PORT', required: false, secret: false, description: 'HTTP port (3000)' },
  { name: 'HOST', required: false, secret: false, description: 'listen address (0.0.0.0)' },
  { name: 'LOG_LEVEL', required: false, secret: false, description: 'pino level (info)' },
  { name: 'TRUST_PROXY', required: false, secret: false, description: 'true behind the ingress or gateway' },
  { name: 'TENANT_SLUG', required: true, secret: false, description: 'the tenant this process serves' },
  { name: 'PUBLIC_URL', required: true, secret: false, description: 'https://<primary domain> of the tenant' },
  { name: 'DATABASE_URL', required: true, secret: true, description: "the tenant's own database, as its own role" },
  { name: 'DATABASE_POOL_MAX', required: false, secret: false, description: 'connections per pod (10)' },
  { name: 'DATABASE_SSL', required: false, secret: false, description: 'disable | require | verify-full' },
  { name: 'FIELD_KEYS', required: true, secret: true, description: 'v1:<base64 32 bytes>[,v2:...]' },
  { name: 'FIELD_KEY_CURRENT', required: true, secret: false, description: 'version new values are written under' },
  { name: 'TOKEN_SIGNING_KEY', required: true, secret: true, description: 'ES256 private key, PKCS#8 PEM' },
  { name: 'ACCESS_TOKEN_TTL_SECONDS', required: false, secret: false, description: 'staff token lifetime (900)' },
  { name: 'OIDC_ISSUER', required: false, secret: false, description: "the tenant's own identity provider" },
  { name: 'OIDC_CLIENT_ID', required: false, secret: false, description: 'audience of its ID tokens' },
  { name: 'OIDC_ROLES_CLAIM', required: false, secret: false, description: 'claim holding groups or roles (roles)' },
  { name: 'OIDC_ROLE_MAP', required: false, secret: false, description: 'group:role pairs, comma-separated' },
  { name: 'INITIAL_ADMIN_EMAIL', required: false, secret: false, bootstrapOnly: true, description: 'first admin' },
  { name: 'INITIAL_ADMIN_PASSWORD', required: false, secret: true, bootstrapOnly: true, description: 'one-time' },
];

export interface ApiEnvironmentInput {
  slug: string;
  publicUrl: string;
  databaseUrl: string;
  secrets: TenantSecrets;
  port: number;
  initialAdminEmail: string;
  logLevel?: string;
}

/** The environment the local launcher gives a tenant's API; the tenant chart renders the same names. */
export function apiEnvironment(input: ApiEnvironmentInput): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: String(input.port),
    HOST: '127.0.0.1',
    LOG_LEVEL: input.logLevel ?? 'info',
    TRUST_PROXY: 'true',
    TENANT_SLUG: input.slug,
    PUBLIC_URL: input.publicUrl,
    DATABASE_URL: input.databaseUrl,
    DATABASE_POOL_MAX: '10',
    DATABASE_SSL: 'disable',
    FIELD_KEYS: input.secrets.fieldKeys,
    FIELD_KEY_CURRENT: input.secrets.fieldKeyCurrent,
    TOKEN_SIGNING_KEY: input.secrets.tokenSigningKey,
    ACCESS_TOKEN_TTL_SECONDS: '900',
    INITIAL_ADMIN_EMAIL: input.initialAdminEmail,
    INITIAL_ADMIN_PASSWORD: input.secrets.initialAdminPassword,
  };
}
