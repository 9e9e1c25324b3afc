import type { KeyObject, X509Certificate } from 'node:crypto';
import { FieldKeyConfigError, FieldKeyRing } from '@vaccinate/field-encryption';
import type { CertificateSecret } from '@vaccinate/certificate-token';
import { isPhoneRegion, isStaffRole, type StaffRole } from '@vaccinate/api-contracts';
import { z } from 'zod';
import { isHolidayRegion } from '../common/public-holidays';
import { attachSignerCertificates, readCertificateAuthority, readSigningKeyRing, type CertificateSigningKey, type SigningKeyRing } from './signing-keys';

/** The API's whole configuration, read once at boot from the environment. */
export interface ApiConfig {
  production: boolean;
  port: number;
  host: string;
  logLevel: string;
  trustProxy: boolean;
  tenantSlug: string;
  publicUrl: string;
  database: { url: string; poolMax: number; ssl: 'disable' | 'require' | 'verify-full' };
  fieldKeys: FieldKeyRing;
  /** Signs staff access tokens only; retired keys still verify tokens until they are removed. */
  accessTokenKeys: SigningKeyRing;
  /** Signs certificates: the EU DCC (kid from the key's DSC), the SMART Health Card and the certificate token. */
  certificateKeys: SigningKeyRing<CertificateSigningKey>;
  /** The CSCA that issued the DSCs (the platform's own, or the operator's national one); published in the trust list. */
  certificateAuthority: X509Certificate;
  accessTokenTtlSeconds: number;
  oidc: OidcConfig | null;
  /** IANA zone of the tenant's vaccination days, e.g. Europe/Berlin. */
  timeZone: string;
  /** `DE` or `DE-BE`: public holidays of this region are warned about when planning days. */
  holidayRegion: string;
  /**
   * The country a phone number typed without its country code is read in: the holiday region's
   * country (DE-BE -> DE). Not a setting of its own: the vaccination days take place in that country,
   * and a second setting could only be forgotten when the first one changes.
   */
  phoneRegion: string;
  /** Where the outbox delivers mail; without it messages wait in the outbox. */
  mailer: { url: string; apiKey: string | null } | null;
  /** Mail delivery jobs: the first retry's delay (doubled per attempt) and how long a delivery may hold its job. */
  mailJobs: { retryDelaySeconds: number; jobTimeoutSeconds: number };
  captcha: CaptchaConfig;
  /** Who sends the standby offers' text messages: the log (nothing leaves), Twilio or Vonage. */
  sms: SmsConfig;
  /** The company identifies its employees by number: the booking form asks for it. */
  requireEmployeeNumber: boolean;
  /** Vaccination certificates: the secret their tokens are encrypted under, and the issuing country. */
  certificates: CertificatesConfig;
  /** The waiting list's allocator: a pg-boss worker in this process, or none (another pod runs it). */
  allocator: { enabled: boolean; ratePerMinute: number; retryLimit: number; retryDelaySeconds: number; jobTimeoutSeconds: number };
  /** Prometheus metrics on a port of their own that no Ingress routes to; null when off. */
  metrics: { port: number } | null;
  /** Traces go to this OTLP/HTTP collector (its base URL, `/v1/traces` is appended); null when off. */
  tracing: { otlpEndpoint: string } | null;
  /**
   * The public SMART Scheduling Links feed of free first-dose slots: off unless the tenant opts in
   * (company vaccination days are often internal). `state` hints the jurisdictions to aggregators.
   */
  schedulingLinks: { state: string[] } | null;
  /** How long data that no law requires is kept, in days (see docs/records-of-processing.md); the retention job applies it daily. */
  retention: RetentionConfig;
  /** How the tenant appears in mails. */
  branding: { displayName: string; primaryColor: string; accentColor: string; logoUrl: string | null; defaultLocale: 'de' | 'en' };
}

export type CaptchaConfig = { provider: 'altcha'; maxNumber: number } | { provider: 'recaptcha'; secret: string; verifyUrl: string; minScore: number };

/**
 * A provider's account: `baseUrl` replaces the provider's API host (a regional host, or a local
 * fake in tests); status callbacks come back to PUBLIC_URL.
 */
export type SmsConfig =
  | { provider: 'log' }
  | { provider: 'twilio'; from: string; accountSid: string; authToken: string; baseUrl: string | null }
  | { provider: 'vonage'; from: string; apiKey: string; apiSecret: string; signatureSecret: string; baseUrl: string | null };

export interface CertificatesConfig {
  /** Its id names it in every token header; ids start with the tenant slug, so they are unique across tenants. */
  secret: CertificateSecret;
  /** ISO 3166-1 alpha-2 country of vaccination and of the EU DCC issuer. */
  country: string;
  /**
   * The certificate names the doctor who gave each dose. Off unless the tenant opts in: the name
   * of an employee then travels on a document the holder shows to anyone.
   */
  namesVaccinator: boolean;
}

export interface RetentionConfig {
  /** Registrations and standby memberships that never led to a vaccination, counted from when they were made. */
  unvaccinatedDays: number;
  /** Mails the outbox sent or gave up on, counted from when they were queued. */
  mailDays: number;
  /** Audit events. */
  auditDays: number;
  /** Sign-in records: throttle counters past their window and staff accounts' last sign-in time. */
  signInDays: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  rolesClaim: string;
  /** IdP group or role name -> our role. */
  roleMap: Map<string, StaffRole>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

const SLUG = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;
const optionalText = z.string().trim().min(1).optional();
const httpUrl = z.url().refine((value) => /^https?:\/\//.test(value), 'must be an http(s) URL');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  TENANT_SLUG: z.string().regex(SLUG, 'must be a lower-case slug (letters, digits, hyphens)'),
  PUBLIC_URL: httpUrl,
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// URL'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_SSL: z.enum(['disable', 'require', 'verify-full']).default('disable'),
  FIELD_KEYS: z.string().min(1, 'is required'),
  FIELD_KEY_CURRENT: z.string().min(1, 'is required'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  OIDC_ISSUER: httpUrl.optional(),
  OIDC_CLIENT_ID: optionalText,
  OIDC_ROLES_CLAIM: z.string().trim().min(1).default('roles'),
  OIDC_ROLE_MAP: z.string().optional(),
  TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin').default('Europe/Berlin'),
  /** Whose public holidays a planned day is checked against: a country, or a country and a state (ISO 3166-2). */
  HOLIDAY_REGION: z
    .string()
    .trim()
    .toUpperCase()
    .refine((region) => isHolidayRegion(region) && isPhoneRegion(phoneRegionOf(region)), 'must be a country or country-state code such as DE or DE-BE')
    .default('DE'),
  MAILER_URL: httpUrl.optional(),
  MAILER_API_KEY: optionalText,
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
  MAIL_JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  CAPTCHA_PROVIDER: z.enum(['altcha', 'recaptcha']).default('altcha'),
  CAPTCHA_MAX_NUMBER: z.coerce.number().int().min(100).max(10_000_000).default(50_000),
  RECAPTCHA_SECRET: optionalText,
  RECAPTCHA_VERIFY_URL: httpUrl.default('https://www.google.com/recaptcha/api/siteverify'),
  RECAPTCHA_MIN_SCORE: z.coerce.number().min(0).max(1).default(0.5),
  SMS_PROVIDER: z.enum(['log', 'twilio', 'vonage']).default('log'),
  /** A phone number in E.164 or an alphanumeric sender id (up to 11 characters). */
  SMS_FROM: z
    .string()
    .trim()
    .regex(/^(\+[1-9]\d{6,14}|[A-Za-z0-9 ]{1,11})$/, 'must be a number in E.164 (+4930...) or a sender id of up to 11 letters and digits')
    .optional(),
  /** Twilio's account SID or Vonage's API key. */
  SMS_ACCOUNT_ID: optionalText,
  /** Twilio's auth token or Vonage's API secret. */
  SMS_AUTH_SECRET: optionalText,
  /** Vonage's signature secret, which signs its delivery receipts. */
  SMS_SIGNATURE_SECRET: optionalText,
  SMS_BASE_URL: httpUrl.optional(),
  TENANT_DISPLAY_NAME: optionalText,
  BRAND_PRIMARY_COLOR: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a color such as #0b5fff')
    .default('#0b5fff'),
  BRAND_ACCENT_COLOR: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a color such as #ffb000')
    .default('#ffb000'),
  BRAND_LOGO_URL: httpUrl.optional(),
  DEFAULT_LOCALE: z.enum(['de', 'en']).default('de'),
  EMPLOYEE_NUMBER: z.enum(['optional', 'required']).default('optional'),
  CERTIFICATE_SECRET: z.string().min(1, 'is required'),
  CERTIFICATE_SECRET_ID: z
    .string()
    .regex(/^[a-z0-9._-]{1,64}$/, 'must be 1-64 lower-case letters, digits, dots, dashes or underscores')
    .optional(),
  CERTIFICATE_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as DE')
    .default('DE'),
  CERTIFICATE_VACCINATOR_NAME: z.enum(['on', 'off']).default('off'),
  ALLOCATOR: z.enum(['on', 'off']).default('off'),
  ALLOCATOR_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  ALLOCATOR_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(5),
  ALLOCATOR_RETRY_DELAY_SECONDS: z.coerce.number().int().min(0).max(3_600).default(30),
  ALLOCATOR_JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3_600).default(300),
  RETENTION_UNVACCINATED_DAYS: z.coerce.number().int().min(1).max(3_650).default(365),
  RETENTION_MAIL_DAYS: z.coerce.number().int().min(1).max(3_650).default(90),
  RETENTION_AUDIT_DAYS: z.coerce.number().int().min(30).max(7_300).default(1_095),
  RETENTION_SIGN_IN_DAYS: z.coerce.number().int().min(1).max(3_650).default(90),
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
  SCHEDULING_LINKS: z.enum(['on', 'off']).default('off'),
  SCHEDULING_LINKS_STATE: z
    .string()
    .regex(/^[A-Z0-9-]{1,10}(,[A-Z0-9-]{1,10})*$/, 'must be comma-separated state or region codes such as BE or BE,BB')
    .optional(),
});

/** `DE-BE` -> `DE`: the country of a holiday region, whose national phone numbers the tenant's people type. */
export function phoneRegionOf(holidayRegion: string): string {
  return holidayRegion.split('-')[0] ?? holidayRegion;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

type Environment = z.infer<typeof environmentSchema>;

/**
 * Validates the environment and reports every bad variable by name. Values are never echoed:
 * several of them are secrets.
 */
export function loadApiConfig(env: NodeJS.ProcessEnv): ApiConfig {
  const parsed = environmentSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      const missing = env[name] === undefined || env[name] === '';
      problems.push(`${name}: ${missing ? 'is required' : issue.message}`);
    }
  }
  // Keys are checked even when other variables failed, so one run reports every bad variable.
  const fieldKeys = env['FIELD_KEYS'] && env['FIELD_KEY_CURRENT'] ? readFieldKeys(env['FIELD_KEYS'], env['FIELD_KEY_CURRENT'], problems) : undefined;
  const { accessTokenKeys, certificateKeys, csca } = readSigningKeys(env, parsed.success ? parsed.data.CERTIFICATE_COUNTRY : undefined, problems);
  if (!parsed.success || !fieldKeys || !accessTokenKeys || !certificateKeys || !csca) throw new ConfigError(problems);
  const values = parsed.data;
  const oidc = readOidc(values, problems);
  const certificates = readCertificates(values, problems);
  if (values.CAPTCHA_PROVIDER === 'recaptcha' && !values.RECAPTCHA_SECRET) {
    problems.push('RECAPTCHA_SECRET: is required when CAPTCHA_PROVIDER is recaptcha');
  }
  const sms = readSms(values, problems);
  if (problems.length > 0 || !certificates) throw new ConfigError(problems);
  return {
    production: values.NODE_ENV === 'production',
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    trustProxy: values.TRUST_PROXY === 'true',
    tenantSlug: values.TENANT_SLUG,
    publicUrl: values.PUBLIC_URL.replace(/\/$/, ''),
    database: { url: values.DATABASE_URL, poolMax: values.DATABASE_POOL_MAX, ssl: values.DATABASE_SSL },
    fieldKeys,
    accessTokenKeys,
    certificateKeys,
    certificateAuthority: csca,
    accessTokenTtlSeconds: values.ACCESS_TOKEN_TTL_SECONDS,
    oidc,
    timeZone: values.TIME_ZONE,
    holidayRegion: values.HOLIDAY_REGION,
    phoneRegion: phoneRegionOf(values.HOLIDAY_REGION),
    mailer: values.MAILER_URL ? { url: values.MAILER_URL.replace(/\/$/, ''), apiKey: values.MAILER_API_KEY ?? null } : null,
    mailJobs: { retryDelaySeconds: values.MAIL_RETRY_DELAY_SECONDS, jobTimeoutSeconds: values.MAIL_JOB_TIMEOUT_SECONDS },
    captcha:
      values.CAPTCHA_PROVIDER === 'recaptcha'
        ? {
            provider: 'recaptcha',
            secret: values.RECAPTCHA_SECRET ?? '',
            verifyUrl: values.RECAPTCHA_VERIFY_URL,
            minScore: values.RECAPTCHA_MIN_SCORE,
          }
        : { provider: 'altcha', maxNumber: values.CAPTCHA_MAX_NUMBER },
    sms,
    requireEmployeeNumber: values.EMPLOYEE_NUMBER === 'required',
    certificates,
    allocator: {
      enabled: values.ALLOCATOR === 'on',
      ratePerMinute: values.ALLOCATOR_RATE_PER_MINUTE,
      retryLimit: values.ALLOCATOR_RETRY_LIMIT,
      retryDelaySeconds: values.ALLOCATOR_RETRY_DELAY_SECONDS,
      jobTimeoutSeconds: values.ALLOCATOR_JOB_TIMEOUT_SECONDS,
    },
    metrics: values.METRICS_PORT === 0 ? null : { port: values.METRICS_PORT },
    tracing: values.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: values.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '') } : null,
    schedulingLinks: values.SCHEDULING_LINKS === 'on' ? { state: values.SCHEDULING_LINKS_STATE?.split(',') ?? [] } : null,
    retention: {
      unvaccinatedDays: values.RETENTION_UNVACCINATED_DAYS,
      mailDays: values.RETENTION_MAIL_DAYS,
      auditDays: values.RETENTION_AUDIT_DAYS,
      signInDays: values.RETENTION_SIGN_IN_DAYS,
    },
    branding: {
      displayName: values.TENANT_DISPLAY_NAME ?? values.TENANT_SLUG,
      primaryColor: values.BRAND_PRIMARY_COLOR,
      accentColor: values.BRAND_ACCENT_COLOR,
      logoUrl: values.BRAND_LOGO_URL ?? null,
      defaultLocale: values.DEFAULT_LOCALE,
    },
  };
}

function readFieldKeys(fieldKeys: string, current: string, problems: string[]): FieldKeyRing | undefined {
  try {
    return FieldKeyRing.fromConfig(fieldKeys, current);
  } catch (error) {
    if (!(error instanceof FieldKeyConfigError)) throw error;
    for (const problem of error.problems) {
      const name = problem.startsWith('the current key') ? 'FIELD_KEY_CURRENT' : 'FIELD_KEYS';
      problems.push(`${name}: ${problem}`);
    }
    return undefined;
  }
}

/** Read beside the schema: each is checked against the others (rings, certificates, their CA). */
const SIGNING_KEY_VARIABLES = [
  'ACCESS_TOKEN_KEYS',
  'ACCESS_TOKEN_KEY_CURRENT',
  'CERTIFICATE_SIGNING_KEYS',
  'CERTIFICATE_SIGNING_KEY_CURRENT',
  'CERTIFICATE_SIGNER_CERTIFICATES',
  'CERTIFICATE_CSCA',
] as const;

/**
 * Staff tokens and certificates are signed with keys of their own. A deployment that still sets the
 * single key of earlier versions is refused rather than guessed at: see docs/signing-keys.md.
 */
function readSigningKeys(processEnv: NodeJS.ProcessEnv, country: string | undefined, problems: string[]) {
  const env = Object.fromEntries(SIGNING_KEY_VARIABLES.map((name) => [name, processEnv[name]])) as Partial<Record<(typeof SIGNING_KEY_VARIABLES)[number], string>>;
  if (processEnv['TOKEN_SIGNING_KEY'] !== undefined) {
    problems.push(
      'TOKEN_SIGNING_KEY: is no longer read; staff tokens and certificates have their own keys now (ACCESS_TOKEN_KEYS, CERTIFICATE_SIGNING_KEYS), see docs/signing-keys.md',
    );
  }
  const accessTokenKeys = readSigningKeyRing('ACCESS_TOKEN_KEYS', 'ACCESS_TOKEN_KEY_CURRENT', env.ACCESS_TOKEN_KEYS, env.ACCESS_TOKEN_KEY_CURRENT, problems);
  const certificateRing = readSigningKeyRing(
    'CERTIFICATE_SIGNING_KEYS',
    'CERTIFICATE_SIGNING_KEY_CURRENT',
    env.CERTIFICATE_SIGNING_KEYS,
    env.CERTIFICATE_SIGNING_KEY_CURRENT,
    problems,
  );
  const csca = readCertificateAuthority(env.CERTIFICATE_CSCA, problems);
  const certificateKeys = certificateRing ? attachSignerCertificates(certificateRing, env.CERTIFICATE_SIGNER_CERTIFICATES, csca, country, problems) : undefined;
  // A key retired from both (the single key of earlier versions) may be in both; a signing key may not.
  const shared =
    accessTokenKeys && certificateKeys && (inRing(certificateKeys, accessTokenKeys.current.publicKey) || inRing(accessTokenKeys, certificateKeys.current.publicKey));
  if (shared) problems.push('CERTIFICATE_SIGNING_KEYS: must not share its current key with ACCESS_TOKEN_KEYS, nor hold theirs');
  return { accessTokenKeys, certificateKeys, csca };
}

function inRing(ring: SigningKeyRing, publicKey: KeyObject): boolean {
  return ring.keys.some((key) => key.publicKey.equals(publicKey));
}

const MIN_CERTIFICATE_SECRET_BYTES = 32;

/**
 * The certificates function finds a token's tenant by the secret id in its header alone, so ids
 * must be unique across tenants: each one starts with the tenant slug.
 */
function readCertificates(values: Environment, problems: string[]): CertificatesConfig | undefined {
  const raw = values.CERTIFICATE_SECRET.trim();
  const bytes = /^[A-Za-z0-9+/_-]+={0,2}$/.test(raw) ? Buffer.from(raw, /[-_]/.test(raw) ? 'base64url' : 'base64') : undefined;
  if (!bytes || bytes.length < MIN_CERTIFICATE_SECRET_BYTES) {
    problems.push(`CERTIFICATE_SECRET: must be base64 of at least ${MIN_CERTIFICATE_SECRET_BYTES} random bytes`);
  }
  const id = values.CERTIFICATE_SECRET_ID ?? `${values.TENANT_SLUG}-1`;
  if (!id.startsWith(`${values.TENANT_SLUG}-`)) problems.push('CERTIFICATE_SECRET_ID: must start with the tenant slug and a dash');
  if (!bytes || problems.length > 0) return undefined;
  return { secret: { id, secret: new Uint8Array(bytes) }, country: values.CERTIFICATE_COUNTRY, namesVaccinator: values.CERTIFICATE_VACCINATOR_NAME === 'on' };
}

function readSms(values: Environment, problems: string[]): SmsConfig {
  const provider = values.SMS_PROVIDER;
  if (provider === 'log') return { provider };
  const required: (keyof Environment & `SMS_${string}`)[] = [
    'SMS_FROM',
    'SMS_ACCOUNT_ID',
    'SMS_AUTH_SECRET',
    ...(provider === 'vonage' ? (['SMS_SIGNATURE_SECRET'] as const) : []),
  ];
  for (const name of required) if (!values[name]) problems.push(`${name}: is required when SMS_PROVIDER is ${provider}`);
  const [from, account, secret] = [values.SMS_FROM ?? '', values.SMS_ACCOUNT_ID ?? '', values.SMS_AUTH_SECRET ?? ''];
  const baseUrl = values.SMS_BASE_URL?.replace(/\/$/, '') ?? null;
  return provider === 'twilio'
    ? { provider, from, accountSid: account, authToken: secret, baseUrl }
    : { provider, from, apiKey: account, apiSecret: secret, signatureSecret: values.SMS_SIGNATURE_SECRET ?? '', baseUrl };
}

function readOidc(values: Environment, problems: string[]): OidcConfig | null {
  if (!values.OIDC_ISSUER && !values.OIDC_CLIENT_ID) return null;
  if (!values.OIDC_ISSUER) problems.push('OIDC_ISSUER: is required when OIDC_CLIENT_ID is set');
  if (!values.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: is required when OIDC_ISSUER is set');
  const roleMap = new Map<string, StaffRole>();
  for (const pair of (values.OIDC_ROLE_MAP ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const separator = pair.lastIndexOf(':');
    const role = pair.slice(separator + 1);
    if (separator <= 0 || !isStaffRole(role)) {
      problems.push('OIDC_ROLE_MAP: must be group:role pairs with roles admin, doctor or assistant');
      break;
    }
    roleMap.set(pair.slice(0, separator), role);
  }
  if (!values.OIDC_ISSUER || !values.OIDC_CLIENT_ID) return null;
  return {
    issuer: values.OIDC_ISSUER, // compared exactly with the token's iss
    clientId: values.OIDC_CLIENT_ID,
    rolesClaim: values.OIDC_ROLES_CLAIM,
    roleMap,
  };
}

const databaseSchema = environmentSchema.pick({ DATABASE_URL: true, DATABASE_POOL_MAX: true, DATABASE_SSL: true });

/** Only the database settings: enough for `migrate` and `migration:*`, which need no keys. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv): ApiConfig['database'] {
  const parsed = databaseSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}: ${env[name] ? issue.message : 'is required'}`;
      }),
    );
  }
  return { url: parsed.data.DATABASE_URL, poolMax: parsed.data.DATABASE_POOL_MAX, ssl: parsed.data.DATABASE_SSL };
}

const bootstrapSchema = z.object({
  INITIAL_ADMIN_EMAIL: z.email('must be an e-mail address'),
  INITIAL_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters'),
});

/** Every variable the API server and `bootstrap-admin` read: the chart and the launcher declare exactly these. */
export const API_CONFIG_VARIABLE_NAMES: readonly string[] = [...Object.keys(environmentSchema.shape), ...SIGNING_KEY_VARIABLES, ...Object.keys(bootstrapSchema.shape)];

/** The first admin's e-mail and one-time password, read only by `bootstrap-admin`. */
export function loadBootstrapAdminConfig(env: NodeJS.ProcessEnv): { email: string; password: string } {
  const parsed = bootstrapSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}: ${env[name] ? issue.message : 'is required'}`;
      }),
    );
  }
  return { email: parsed.data.INITIAL_ADMIN_EMAIL, password: parsed.data.INITIAL_ADMIN_PASSWORD };
}

/** The password of the local demo's doctor and assistant accounts (`seed-demo-staff`, never in a cluster). */
export function loadDemoStaffPassword(env: NodeJS.ProcessEnv): string {
  const password = env['DEMO_STAFF_PASSWORD'] ?? '';
  if (password.length < 12) throw new ConfigError([`DEMO_STAFF_PASSWORD: ${password ? 'must be at least 12 characters' : 'is required'}`]);
  return password;
}

/** The process environment; the only place it is read. */
export function processEnvironment(): NodeJS.ProcessEnv {
  return process.env;
}
