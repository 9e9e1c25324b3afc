import type { k8s } from 'cdk8s-plus-27';
import type { ValuesContext } from '../helm/values-context';
import type { TenantValues } from './tenant-values';

export const API_PORT = 3000;
/** Prometheus /metrics: a port of its own, on the Service but never in the Ingress. */
export const METRICS_PORT = 9464;

/** Read from the tenant's Secret (created by Terraform); the key is the variable's name. */
export const API_SECRET_VARIABLES = [
  'DATABASE_URL',
  'FIELD_KEYS',
  'ACCESS_TOKEN_KEYS',
  'CERTIFICATE_SIGNING_KEYS',
  // Public, but generated with the keys (or replaced by the operator's national DSC) and kept beside them.
  'CERTIFICATE_SIGNER_CERTIFICATES',
  'CERTIFICATE_CSCA',
  'CERTIFICATE_SECRET',
] as const;
/** Not every tenant has these (no mailer key, no reCAPTCHA, no SMS provider): a missing key must not block the pod. */
export const API_OPTIONAL_SECRET_VARIABLES = ['MAILER_API_KEY', 'RECAPTCHA_SECRET', 'SMS_ACCOUNT_ID', 'SMS_AUTH_SECRET', 'SMS_SIGNATURE_SECRET'] as const;
export const BOOTSTRAP_SECRET_VARIABLES = ['INITIAL_ADMIN_PASSWORD'] as const;

function plain(variables: Record<string, string | undefined>): k8s.EnvVar[] {
  return Object.entries(variables)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ({ name, value }));
}

function fromSecret(secretName: string, names: readonly string[], optional = false): k8s.EnvVar[] {
  return names.map((name) => ({
    name,
    valueFrom: { secretKeyRef: { name: secretName, key: name, ...(optional ? { optional: true } : {}) } },
  }));
}

/** The API server's environment; names follow API_ENVIRONMENT_VARIABLES in @vaccinate/tenant-provisioning. */
export function apiEnvironment(values: TenantValues, context: ValuesContext): k8s.EnvVar[] {
  const { allocator, api, captcha, mailDelivery, mailer, oidc, retention, schedulingLinks, sms, tenant, tracing } = values;
  return [
    ...plain({
      NODE_ENV: 'production',
      PORT: String(API_PORT),
      HOST: '0.0.0.0',
      LOG_LEVEL: api.logLevel,
      TRUST_PROXY: 'true',
      TENANT_SLUG: tenant.slug,
      PUBLIC_URL: tenant.publicUrl,
      DATABASE_POOL_MAX: String(api.databasePoolMax),
      DATABASE_SSL: api.databaseSsl,
      FIELD_KEY_CURRENT: api.fieldKeyCurrent,
      ACCESS_TOKEN_KEY_CURRENT: api.accessTokenKeyCurrent,
      CERTIFICATE_SIGNING_KEY_CURRENT: api.certificateSigningKeyCurrent,
      ACCESS_TOKEN_TTL_SECONDS: String(api.accessTokenTtlSeconds),
      OIDC_ISSUER: context.whenSet(oidc.issuer),
      OIDC_CLIENT_ID: context.whenSet(oidc.clientId),
      OIDC_ROLES_CLAIM: context.whenSet(oidc.rolesClaim),
      OIDC_ROLE_MAP: context.whenSet(oidc.roleMap),
      TIME_ZONE: tenant.timeZone,
      DEFAULT_LOCALE: tenant.defaultLocale,
      EMPLOYEE_NUMBER: tenant.employeeNumber,
      TENANT_DISPLAY_NAME: context.whenSet(tenant.displayName),
      BRAND_PRIMARY_COLOR: tenant.branding.primaryColor,
      BRAND_ACCENT_COLOR: tenant.branding.accentColor,
      BRAND_LOGO_URL: context.whenSet(tenant.branding.logoUrl),
      MAILER_URL: context.whenSet(mailer.url),
      CAPTCHA_PROVIDER: captcha.provider,
      CAPTCHA_MAX_NUMBER: String(captcha.maxNumber),
      RECAPTCHA_VERIFY_URL: captcha.recaptchaVerifyUrl,
      RECAPTCHA_MIN_SCORE: String(captcha.recaptchaMinScore),
      SMS_PROVIDER: sms.provider,
      SMS_FROM: context.whenSet(sms.from),
      SMS_BASE_URL: context.whenSet(sms.baseUrl),
      // Starts with the slug: the certificates function tells tenants apart by this id alone.
      CERTIFICATE_SECRET_ID: `${tenant.slug}-1`,
      CERTIFICATE_COUNTRY: tenant.certificateCountry,
      CERTIFICATE_VACCINATOR_NAME: context.either('tenant.vaccinatorOnCertificate.enabled', tenant.vaccinatorOnCertificate.enabled, 'on', 'off'),
      ALLOCATOR: context.either('allocator.enabled', allocator.enabled, 'on', 'off'),
      ALLOCATOR_RATE_PER_MINUTE: String(allocator.ratePerMinute),
      ALLOCATOR_RETRY_LIMIT: String(allocator.retryLimit),
      ALLOCATOR_RETRY_DELAY_SECONDS: String(allocator.retryDelaySeconds),
      ALLOCATOR_JOB_TIMEOUT_SECONDS: String(allocator.jobTimeoutSeconds),
      MAIL_RETRY_DELAY_SECONDS: String(mailDelivery.retryDelaySeconds),
      MAIL_JOB_TIMEOUT_SECONDS: String(mailDelivery.jobTimeoutSeconds),
      METRICS_PORT: String(METRICS_PORT),
      OTEL_EXPORTER_OTLP_ENDPOINT: context.whenSet(tracing.otlpEndpoint),
      SCHEDULING_LINKS: context.either('schedulingLinks.enabled', schedulingLinks.enabled, 'on', 'off'),
      SCHEDULING_LINKS_STATE: context.whenSet(schedulingLinks.state),
      HOLIDAY_REGION: tenant.holidayRegion,
      RETENTION_UNVACCINATED_DAYS: String(retention.unvaccinatedDays),
      RETENTION_MAIL_DAYS: String(retention.mailDays),
      RETENTION_AUDIT_DAYS: String(retention.auditDays),
      RETENTION_SIGN_IN_DAYS: String(retention.signInDays),
    }),
    ...fromSecret(values.secrets.name, API_SECRET_VARIABLES),
    ...fromSecret(values.secrets.name, API_OPTIONAL_SECRET_VARIABLES, true),
  ];
}

/** The bootstrap-admin command also reads the first admin's e-mail and one-time password. */
export function bootstrapEnvironment(values: TenantValues, context: ValuesContext): k8s.EnvVar[] {
  return [
    ...apiEnvironment(values, context),
    ...plain({ INITIAL_ADMIN_EMAIL: values.bootstrap.initialAdminEmail }),
    ...fromSecret(values.secrets.name, BOOTSTRAP_SECRET_VARIABLES),
  ];
}
