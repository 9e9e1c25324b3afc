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
  {
    name: 'ACCESS_TOKEN_KEYS',
    required: true,
    secret: true,
    description: 'staff token keys: v1:<base64 PKCS#8 DER of a P-256 key>[,v2:...]; a retired entry may be a public key (SPKI DER)',
  },
  { name: 'ACCESS_TOKEN_KEY_CURRENT', required: true, secret: false, description: 'id of the key new staff tokens are signed with' },
  { name: 'CERTIFICATE_SIGNING_KEYS', required: true, secret: true, description: 'certificate keys (EU DCC, SMART Health Card), same format as ACCESS_TOKEN_KEYS' },
  { name: 'CERTIFICATE_SIGNING_KEY_CURRENT', required: true, secret: false, description: 'id of the key new certificates are signed with' },
  {
    name: 'CERTIFICATE_SIGNER_CERTIFICATES',
    required: true,
    secret: true,
    description: 'Document Signer Certificates: <key id>:<base64 DER>[,...]; required for the current key. Public, but generated with the keys',
  },
  { name: 'CERTIFICATE_CSCA', required: true, secret: true, description: 'base64 DER of the CSCA that issued the DSCs. Public, but generated with the keys' },
  { name: 'ACCESS_TOKEN_TTL_SECONDS', required: false, secret: false, description: 'staff token lifetime (900)' },
  { name: 'OIDC_ISSUER', required: false, secret: false, description: "the tenant's own identity provider" },
  { name: 'OIDC_CLIENT_ID', required: false, secret: false, description: 'audience of its ID tokens' },
  { name: 'OIDC_ROLES_CLAIM', required: false, secret: false, description: 'claim holding groups or roles (roles)' },
  { name: 'OIDC_ROLE_MAP', required: false, secret: false, description: 'group:role pairs, comma-separated' },
  { name: 'TIME_ZONE', required: false, secret: false, description: 'IANA zone of the vaccination days (Europe/Berlin)' },
  { name: 'DEFAULT_LOCALE', required: false, secret: false, description: 'language of mails when the person chose none (de)' },
  { name: 'EMPLOYEE_NUMBER', required: false, secret: false, description: 'optional | required on the booking form' },
  { name: 'TENANT_DISPLAY_NAME', required: false, secret: false, description: 'company name in mails' },
  { name: 'BRAND_PRIMARY_COLOR', required: false, secret: false, description: '#rrggbb, as in the tenant directory' },
  { name: 'BRAND_ACCENT_COLOR', required: false, secret: false, description: '#rrggbb, as in the tenant directory' },
  { name: 'BRAND_LOGO_URL', required: false, secret: false, description: 'absolute logo URL for mails' },
  { name: 'MAILER_URL', required: false, secret: false, description: 'the platform mailer function; mails wait in the outbox without it' },
  { name: 'MAILER_API_KEY', required: false, secret: true, description: "the mailer's shared key" },
  { name: 'CAPTCHA_PROVIDER', required: false, secret: false, description: 'altcha (self-hosted, default) | recaptcha' },
  { name: 'CAPTCHA_MAX_NUMBER', required: false, secret: false, description: 'ALTCHA difficulty (50000)' },
  { name: 'RECAPTCHA_SECRET', required: false, secret: true, description: 'only with CAPTCHA_PROVIDER=recaptcha' },
  { name: 'RECAPTCHA_VERIFY_URL', required: false, secret: false, description: "Google's siteverify URL" },
  { name: 'RECAPTCHA_MIN_SCORE', required: false, secret: false, description: 'reCAPTCHA v3 score threshold (0.5)' },
  { name: 'SMS_PROVIDER', required: false, secret: false, description: 'log (nothing is sent, the default) | twilio | vonage: who sends standby offers by SMS' },
  { name: 'SMS_FROM', required: false, secret: false, description: 'sender: a number in E.164 or an alphanumeric id of up to 11 characters' },
  { name: 'SMS_ACCOUNT_ID', required: false, secret: true, description: "Twilio's account SID or Vonage's API key" },
  { name: 'SMS_AUTH_SECRET', required: false, secret: true, description: "Twilio's auth token (also signs its status callbacks) or Vonage's API secret" },
  { name: 'SMS_SIGNATURE_SECRET', required: false, secret: true, description: "Vonage's signature secret, which signs its delivery receipts (SHA-256 HMAC)" },
  {
    name: 'SMS_BASE_URL',
    required: false,
    secret: false,
    description: "another host for the provider's API (a regional one, or a local fake); unset uses the provider's",
  },
  { name: 'CERTIFICATE_SECRET', required: true, secret: true, description: 'base64 of >= 32 random bytes; certificate tokens are encrypted under it' },
  { name: 'CERTIFICATE_SECRET_ID', required: false, secret: false, description: 'names the secret in tokens; starts with the slug (<slug>-1)' },
  { name: 'CERTIFICATE_COUNTRY', required: false, secret: false, description: 'ISO 3166-1 alpha-2 country of the certificates (DE)' },
  { name: 'CERTIFICATE_VACCINATOR_NAME', required: false, secret: false, description: 'on | off: certificates name the doctor who gave each dose (off)' },
  { name: 'ALLOCATOR', required: false, secret: false, description: 'on | off: this pod runs the waiting-list allocator (off)' },
  { name: 'ALLOCATOR_RATE_PER_MINUTE', required: false, secret: false, description: 'registrations the allocator takes per minute (600)' },
  { name: 'ALLOCATOR_RETRY_LIMIT', required: false, secret: false, description: 'retries before an allocation job is a dead letter (5)' },
  { name: 'ALLOCATOR_RETRY_DELAY_SECONDS', required: false, secret: false, description: 'first retry delay, doubled each time (30)' },
  { name: 'ALLOCATOR_JOB_TIMEOUT_SECONDS', required: false, secret: false, description: 'an allocation job a dead worker held is retried after this (300)' },
  { name: 'MAIL_RETRY_DELAY_SECONDS', required: false, secret: false, description: 'first retry delay of a mail delivery, doubled each time (30)' },
  { name: 'MAIL_JOB_TIMEOUT_SECONDS', required: false, secret: false, description: 'a mail delivery a dead worker held is retried after this (60)' },
  { name: 'METRICS_PORT', required: false, secret: false, description: 'port of the Prometheus /metrics endpoint, never behind the Ingress; 0 turns it off (0)' },
  { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', required: false, secret: false, description: 'OTLP/HTTP collector base URL for traces; unset turns tracing off' },
  { name: 'SCHEDULING_LINKS', required: false, secret: false, description: 'on | off: publish free first-dose slots as a public SMART Scheduling Links feed (off)' },
  { name: 'SCHEDULING_LINKS_STATE', required: false, secret: false, description: 'state or region codes of the sites, comma-separated, as a hint to slot aggregators' },
  {
    name: 'HOLIDAY_REGION',
    required: false,
    secret: false,
    description:
      'country or country-state code whose public holidays the day calendar warns about (DE); its country is where phone numbers without a country code are read',
  },
  { name: 'RETENTION_UNVACCINATED_DAYS', required: false, secret: false, description: 'days registrations and standby memberships without a vaccination are kept (365)' },
  { name: 'RETENTION_MAIL_DAYS', required: false, secret: false, description: 'days sent and dead mails are kept (90)' },
  { name: 'RETENTION_AUDIT_DAYS', required: false, secret: false, description: 'days audit events are kept (1095)' },
  { name: 'RETENTION_SIGN_IN_DAYS', required: false, secret: false, description: 'days staff sign-in records are kept (90)' },
  { name: 'INITIAL_ADMIN_EMAIL', required: false, secret: false, bootstrapOnly: true, description: 'first admin' },
  { name: 'INITIAL_ADMIN_PASSWORD', required: false, secret: true, bootstrapOnly: true, description: 'one-time' },
];

export interface ApiEnvironmentInput {
  slug: string;
  publicUrl: string;
  /** How the tenant appears in mails: its tenant directory entry. */
  display?: { name: string; primaryColor: string; accentColor: string; defaultLocale: 'de' | 'en' };
  mailerUrl?: string;
  databaseUrl: string;
  secrets: TenantSecrets;
  port: number;
  initialAdminEmail: string;
  logLevel?: string;
  /** Run the waiting-list allocator in this process (the local launcher does; tests start it when they need it). */
  allocator?: boolean;
  /** An OTLP/HTTP collector to send traces to; without it tracing is off. */
  otlpEndpoint?: string;
  /** Publish the free slots as a SMART Scheduling Links feed (the local demo does: its data is made up). */
  schedulingLinks?: boolean;
  /** `DE` or `DE-BE`: whose public holidays are warned about; its country reads phone numbers without a country code. */
  holidayRegion?: string;
  /** An SMS provider account (a local fake of its API in tests); without it texts only go to the log. */
  sms?: { provider: 'twilio' | 'vonage'; from: string; accountId: string; authSecret: string; signatureSecret?: string; baseUrl?: string };
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
    ACCESS_TOKEN_KEYS: input.secrets.accessTokenKeys,
    ACCESS_TOKEN_KEY_CURRENT: input.secrets.accessTokenKeyCurrent,
    CERTIFICATE_SIGNING_KEYS: input.secrets.certificateSigningKeys,
    CERTIFICATE_SIGNING_KEY_CURRENT: input.secrets.certificateSigningKeyCurrent,
    CERTIFICATE_SIGNER_CERTIFICATES: input.secrets.certificateSignerCertificates,
    CERTIFICATE_CSCA: input.secrets.certificateCsca,
    ACCESS_TOKEN_TTL_SECONDS: '900',
    TIME_ZONE: 'Europe/Berlin',
    ...(input.holidayRegion ? { HOLIDAY_REGION: input.holidayRegion } : {}),
    CERTIFICATE_SECRET: input.secrets.certificateSecret,
    CERTIFICATE_SECRET_ID: certificateSecretId(input.slug),
    ...(input.display
      ? {
          DEFAULT_LOCALE: input.display.defaultLocale,
          TENANT_DISPLAY_NAME: input.display.name,
          BRAND_PRIMARY_COLOR: input.display.primaryColor,
          BRAND_ACCENT_COLOR: input.display.accentColor,
        }
      : {}),
    ...(input.mailerUrl ? { MAILER_URL: input.mailerUrl } : {}),
    ...(input.allocator ? { ALLOCATOR: 'on', ALLOCATOR_RATE_PER_MINUTE: '600' } : {}),
    MAIL_RETRY_DELAY_SECONDS: '30',
    MAIL_JOB_TIMEOUT_SECONDS: '60',
    // Off on a laptop: several APIs share the machine, and nothing scrapes them.
    METRICS_PORT: '0',
    ...(input.otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: input.otlpEndpoint } : {}),
    ...(input.schedulingLinks ? { SCHEDULING_LINKS: 'on' } : {}),
    ...(input.sms
      ? {
          SMS_PROVIDER: input.sms.provider,
          SMS_FROM: input.sms.from,
          SMS_ACCOUNT_ID: input.sms.accountId,
          SMS_AUTH_SECRET: input.sms.authSecret,
          ...(input.sms.signatureSecret ? { SMS_SIGNATURE_SECRET: input.sms.signatureSecret } : {}),
          ...(input.sms.baseUrl ? { SMS_BASE_URL: input.sms.baseUrl } : {}),
        }
      : {}),
    INITIAL_ADMIN_EMAIL: input.initialAdminEmail,
    INITIAL_ADMIN_PASSWORD: input.secrets.initialAdminPassword,
  };
}

/** The id of a tenant's first certificate secret; Terraform names it the same way. */
export function certificateSecretId(slug: string): string {
  return `${slug}-1`;
}
