import type { ImageValues, ResourceValues } from '../workload/hardening';
import { PLATFORM_FUNCTION_PORT } from '../workload/labels';

export const DEFAULT_PLATFORM_NAMESPACE = 'vaccinate-platform';

/** The mailer Service of the platform chart, as the tenant's API reaches it. */
export function mailerUrl(platformNamespace: string): string {
  return `http://mailer.${platformNamespace}.svc.cluster.local:${PLATFORM_FUNCTION_PORT}`;
}

/** Values of the tenant chart: one release per tenant, in the tenant's namespace. */
export interface TenantValues {
  tenant: {
    /** Lower-case slug; the namespace is `tenant-<slug>`. */
    slug: string;
    /** https://<primary domain>, the API's PUBLIC_URL. */
    publicUrl: string;
    /** Company name in mails; empty falls back to the slug. */
    displayName: string;
    /** IANA zone of the vaccination days. */
    timeZone: string;
    /** de or en: language of mails when the person chose none. */
    defaultLocale: string;
    /** optional or required: whether the booking form asks for the employee number. */
    employeeNumber: string;
    /** ISO 3166-1 alpha-2 country of its vaccination certificates. */
    certificateCountry: string;
    /** Country or country-state code (DE, DE-BE) whose public holidays the day calendar warns about; phone numbers without country code are read in its country. */
    holidayRegion: string;
    /** Certificates name the doctor who gave each dose (off: an employee's name on a document the holder shows around). */
    vaccinatorOnCertificate: { enabled: boolean };
    /** As in the tenant directory; the logo URL must be absolute (mail clients have no origin). */
    branding: { primaryColor: string; accentColor: string; logoUrl: string };
  };
  /** Optional Namespace object; Terraform creates it instead, so the Secret can exist first. */
  namespace: { enabled: boolean; name: string };
  ingress: {
    className: string;
    /** The tenant's host names; the platform's web Ingress answers `/` on the same hosts. */
    hosts: string[];
    /** TLS Secret in this namespace; empty uses the controller's default (wildcard) certificate. */
    tlsSecretName: string;
  };
  api: {
    image: ImageValues;
    logLevel: string;
    databasePoolMax: number;
    databaseSsl: string;
    accessTokenTtlSeconds: number;
    fieldKeyCurrent: string;
    /** Id in ACCESS_TOKEN_KEYS new staff tokens are signed with; the others stay until their tokens expire. */
    accessTokenKeyCurrent: string;
    /** Id in CERTIFICATE_SIGNING_KEYS new certificates are signed with; the others stay until their certificates expire. */
    certificateSigningKeyCurrent: string;
    resources: ResourceValues;
    autoscaling: { minReplicas: number; maxReplicas: number; targetCpuUtilization: number };
  };
  /**
   * Secret created by Terraform with DATABASE_URL, FIELD_KEYS, ACCESS_TOKEN_KEYS, CERTIFICATE_SIGNING_KEYS,
   * CERTIFICATE_SIGNER_CERTIFICATES, CERTIFICATE_CSCA, CERTIFICATE_SECRET, INITIAL_ADMIN_PASSWORD
   * and, when the tenant has them, MAILER_API_KEY, RECAPTCHA_SECRET and SMS_ACCOUNT_ID, SMS_AUTH_SECRET, SMS_SIGNATURE_SECRET.
   */
  secrets: { name: string };
  oidc: { issuer: string; clientId: string; rolesClaim: string; roleMap: string };
  bootstrap: { initialAdminEmail: string };
  /** The platform's mailer function; empty leaves mails waiting in the outbox. */
  mailer: { url: string };
  /**
   * OpenTelemetry traces: the OTLP/HTTP collector's base URL (empty turns tracing off), and where the
   * collector runs, so the API's NetworkPolicy lets the spans out.
   */
  tracing: { otlpEndpoint: string; collectorNamespace: string; collectorPort: number };
  /** The waiting list's allocator (pg-boss in the tenant database); every pod may run it. */
  allocator: { enabled: boolean; ratePerMinute: number; retryLimit: number; retryDelaySeconds: number; jobTimeoutSeconds: number };
  /** Mail delivery jobs (pg-boss): the first retry delay, doubled each time, and how long a delivery may hold its job. */
  mailDelivery: { retryDelaySeconds: number; jobTimeoutSeconds: number };
  /** The public SMART Scheduling Links feed of free first-dose slots; off unless the tenant opts in. */
  schedulingLinks: { enabled: boolean; state: string };
  /** Days data that no law requires is kept (docs/records-of-processing.md); the retention job applies them daily. */
  retention: { unvaccinatedDays: number; mailDays: number; auditDays: number; signInDays: number };
  captcha: { provider: string; maxNumber: number; recaptchaVerifyUrl: string; recaptchaMinScore: number };
  /**
   * Standby offers by SMS: log (nothing leaves the pod), twilio or vonage, with the sender number or id
   * and optionally another API host; the account's credentials are in the Secret.
   */
  sms: { provider: string; from: string; baseUrl: string };
  /** Prometheus Operator objects; off unless the cluster runs the operator and a Grafana sidecar. */
  monitoring: {
    /** Namespace of the Prometheus that scrapes the API's metrics port. */
    prometheusNamespace: string;
    serviceMonitor: { enabled: boolean };
    prometheusRule: { enabled: boolean };
    grafanaDashboard: { enabled: boolean };
  };
  networkPolicy: {
    ingressControllerNamespace: string;
    platformNamespace: string;
    /** Private range of the managed Postgres instance (Cloud SQL private IP, Azure delegated subnet). */
    postgresCidr: string;
    postgresPort: number;
    /** Public HTTPS from the API pods, which captcha.provider recaptcha needs. */
    recaptchaEgress: { enabled: boolean };
    /** Public HTTPS from the API pods, which sms.provider twilio or vonage needs. */
    smsEgress: { enabled: boolean };
  };
}

/** Defaults for values.yaml; the slug, URL, hosts and image tag have none and must be given. */
export const tenantDefaults: TenantValues = {
  tenant: {
    slug: '',
    publicUrl: '',
    displayName: '',
    timeZone: 'Europe/Berlin',
    defaultLocale: 'de',
    employeeNumber: 'optional',
    certificateCountry: 'DE',
    holidayRegion: 'DE',
    vaccinatorOnCertificate: { enabled: false },
    branding: { primaryColor: '#0b5fff', accentColor: '#ffb000', logoUrl: '' },
  },
  namespace: { enabled: false, name: '' },
  ingress: { className: 'nginx', hosts: [], tlsSecretName: '' },
  api: {
    image: { repository: 'ghcr.io/vaccinate/api', tag: '' },
    logLevel: 'info',
    databasePoolMax: 10,
    databaseSsl: 'require',
    accessTokenTtlSeconds: 900,
    fieldKeyCurrent: 'v1',
    accessTokenKeyCurrent: 'v1',
    certificateSigningKeyCurrent: 'v1',
    // Many small tenants share a cluster: a small request, room to burst, scale out on CPU.
    resources: { cpuRequestMillis: 50, cpuLimitMillis: 1000, memoryRequestMebibytes: 192, memoryLimitMebibytes: 384 },
    autoscaling: { minReplicas: 2, maxReplicas: 6, targetCpuUtilization: 70 },
  },
  secrets: { name: 'api-secrets' },
  oidc: { issuer: '', clientId: '', rolesClaim: '', roleMap: '' },
  bootstrap: { initialAdminEmail: '' },
  mailer: { url: mailerUrl(DEFAULT_PLATFORM_NAMESPACE) },
  tracing: { otlpEndpoint: '', collectorNamespace: 'observability', collectorPort: 4318 },
  allocator: { enabled: true, ratePerMinute: 600, retryLimit: 5, retryDelaySeconds: 30, jobTimeoutSeconds: 300 },
  mailDelivery: { retryDelaySeconds: 30, jobTimeoutSeconds: 60 },
  schedulingLinks: { enabled: false, state: '' },
  retention: { unvaccinatedDays: 365, mailDays: 90, auditDays: 1_095, signInDays: 90 },
  captcha: {
    provider: 'altcha',
    maxNumber: 50_000,
    recaptchaVerifyUrl: 'https://www.google.com/recaptcha/api/siteverify',
    recaptchaMinScore: 0.5,
  },
  sms: { provider: 'log', from: '', baseUrl: '' },
  monitoring: {
    prometheusNamespace: 'monitoring',
    serviceMonitor: { enabled: false },
    prometheusRule: { enabled: false },
    grafanaDashboard: { enabled: false },
  },
  networkPolicy: {
    ingressControllerNamespace: 'ingress-nginx',
    platformNamespace: DEFAULT_PLATFORM_NAMESPACE,
    postgresCidr: '',
    postgresPort: 5432,
    recaptchaEgress: { enabled: false },
    smsEgress: { enabled: false },
  },
};

/** A complete example, used by tests and the chart's ci/ values. */
export const tenantExample: TenantValues = {
  ...tenantDefaults,
  tenant: {
    ...tenantDefaults.tenant,
    slug: 'acme',
    publicUrl: 'https://acme.vaccinate.example',
    displayName: 'ACME Corporation',
    defaultLocale: 'en',
  },
  ingress: { ...tenantDefaults.ingress, hosts: ['acme.vaccinate.example', 'impfen.acme.example'] },
  api: {
    ...tenantDefaults.api,
    image: {
      repository: 'ghcr.io/vaccinate/api',
      tag: '1.0.0@sha256:0f5e3c1d2b4a69788776655443322110ffeeddccbbaa99887766554433221100',
    },
  },
  bootstrap: { initialAdminEmail: 'it@acme.example' },
  networkPolicy: { ...tenantDefaults.networkPolicy, postgresCidr: '10.20.0.0/24' },
};

const withOidc: TenantValues = {
  ...tenantExample,
  oidc: { issuer: 'https://login.acme.example', clientId: 'vaccinate', rolesClaim: 'groups', roleMap: 'vacc-admins:admin,vacc-doctors:doctor' },
};

const withRecaptcha: TenantValues = {
  ...tenantExample,
  captcha: { ...tenantExample.captcha, provider: 'recaptcha', recaptchaMinScore: 0.7 },
  networkPolicy: { ...tenantExample.networkPolicy, recaptchaEgress: { enabled: true } },
};

const withSms: TenantValues = {
  ...tenantExample,
  sms: { provider: 'twilio', from: '+4930555000', baseUrl: '' },
  networkPolicy: { ...tenantExample.networkPolicy, smsEgress: { enabled: true } },
};

/** The values files under the chart's ci/ folder: each is linted and rendered by real Helm in CI. */
export const tenantCiValues: Record<string, TenantValues> = {
  minimal: { ...tenantExample, tenant: { ...tenantExample.tenant, displayName: '' }, ingress: { ...tenantExample.ingress, hosts: ['acme.vaccinate.example'] } },
  'two-hosts': tenantExample,
  oidc: withOidc,
  'recaptcha-egress': withRecaptcha,
  'sms-twilio': withSms,
  'every-option': {
    ...withRecaptcha,
    sms: { provider: 'vonage', from: 'ACME', baseUrl: 'https://rest.nexmo.com' },
    networkPolicy: { ...withRecaptcha.networkPolicy, smsEgress: { enabled: true } },
    oidc: withOidc.oidc,
    tracing: { otlpEndpoint: 'http://otel-collector.observability.svc.cluster.local:4318', collectorNamespace: 'observability', collectorPort: 4318 },
    namespace: { enabled: true, name: 'tenant-acme' },
    mailDelivery: { retryDelaySeconds: 45, jobTimeoutSeconds: 120 },
    retention: { unvaccinatedDays: 180, mailDays: 30, auditDays: 3_650, signInDays: 30 },
    monitoring: { prometheusNamespace: 'observability', serviceMonitor: { enabled: true }, prometheusRule: { enabled: true }, grafanaDashboard: { enabled: true } },
    tenant: { ...tenantExample.tenant, holidayRegion: 'DE-BE', branding: { ...tenantExample.tenant.branding, logoUrl: 'https://acme.example/logo.svg' } },
    ingress: { ...tenantExample.ingress, tlsSecretName: 'acme-tls', hosts: ['acme.vaccinate.example', 'impfen.acme.example', 'vaccinate.acme.example'] },
    api: { ...tenantExample.api, databasePoolMax: 25, autoscaling: { minReplicas: 3, maxReplicas: 12, targetCpuUtilization: 60 } },
  },
};
