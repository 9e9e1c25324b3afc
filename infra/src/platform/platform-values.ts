import type { ImageValues, ResourceValues } from '../workload/hardening';

/** One tenant in the directory the web app reads (format: libs/tenant-directory). */
export interface DirectoryEntryValues {
  slug: string;
  displayName: string;
  domains: string[];
  apiBaseUrl: string;
  branding: { primaryColor: string; accentColor: string; logoUrl?: string };
  defaultLocale: string;
  /** Where the web app reads a phone number typed without country code: the country of the tenant chart's holidayRegion (Terraform derives it). */
  phoneRegion?: string;
}

/** Values of the platform chart: installed once, in the platform namespace. */
export interface PlatformValues {
  web: {
    image: ImageValues;
    resources: ResourceValues;
    autoscaling: { minReplicas: number; maxReplicas: number; targetCpuUtilization: number };
  };
  /**
   * Entries rendered into the tenant-directory ConfigMap, one key per tenant. Terraform leaves this
   * empty and writes each tenant's key itself (modules/tenant), so adding a tenant touches no other.
   */
  tenantDirectory: { tenants: DirectoryEntryValues[] };
  /** The mailer function; tenants' APIs call it at mailer.<namespace>.svc.cluster.local:8080. */
  mailer: {
    enabled: boolean;
    image: ImageValues;
    logLevel: string;
    provider: string;
    /** Sender address, optionally `"Name" <address>`; each mail shows the tenant's name. */
    from: string;
    /** Secret created by Terraform: MAILER_API_KEY, and SMTP_URL or MAILJET_API_KEY and MAILJET_API_SECRET. */
    secretName: string;
    /** Where the mail provider may be (ports 587, 465, 443); narrow it to a relay's range when there is one. */
    providerCidr: string;
    resources: ResourceValues;
    autoscaling: { minReplicas: number; maxReplicas: number; targetCpuUtilization: number };
  };
  /** The certificates function; each tenant's Ingress routes `/v1/certificates` to it. */
  certificates: {
    enabled: boolean;
    image: ImageValues;
    logLevel: string;
    /** Attempts per client address and minute, per replica: bounds guessing of personal data. */
    rateLimitPerMinute: number;
    /** Secret written by the tenants stack: CERTIFICATE_SECRETS and JWKS_URLS (every tenant's). */
    secretName: string;
    resources: ResourceValues;
    autoscaling: { minReplicas: number; maxReplicas: number; targetCpuUtilization: number };
  };
  networkPolicy: { ingressControllerNamespace: string };
  /** The mailer's OpenTelemetry traces: the OTLP/HTTP collector's base URL (empty: off) and where it runs. */
  tracing: { otlpEndpoint: string; collectorNamespace: string; collectorPort: number };
}

export const platformDefaults: PlatformValues = {
  web: {
    image: { repository: 'ghcr.io/vaccinate/web', tag: '' },
    resources: { cpuRequestMillis: 20, cpuLimitMillis: 500, memoryRequestMebibytes: 32, memoryLimitMebibytes: 128 },
    autoscaling: { minReplicas: 2, maxReplicas: 6, targetCpuUtilization: 70 },
  },
  tenantDirectory: { tenants: [] },
  mailer: {
    enabled: true,
    image: { repository: 'ghcr.io/vaccinate/mailer', tag: '' },
    logLevel: 'info',
    provider: 'smtp',
    from: '',
    secretName: 'mailer-secrets',
    providerCidr: '0.0.0.0/0',
    // MJML rendering is the expensive part; mails are few and bursty, so scale out on CPU.
    resources: { cpuRequestMillis: 50, cpuLimitMillis: 1000, memoryRequestMebibytes: 128, memoryLimitMebibytes: 256 },
    autoscaling: { minReplicas: 2, maxReplicas: 4, targetCpuUtilization: 70 },
  },
  certificates: {
    enabled: true,
    image: { repository: 'ghcr.io/vaccinate/certificates', tag: '' },
    logLevel: 'info',
    rateLimitPerMinute: 10,
    secretName: 'certificates-secrets',
    // A PDF render takes a core for a few hundred ms; certificates are asked for rarely and in bursts.
    resources: { cpuRequestMillis: 50, cpuLimitMillis: 1000, memoryRequestMebibytes: 192, memoryLimitMebibytes: 384 },
    autoscaling: { minReplicas: 2, maxReplicas: 4, targetCpuUtilization: 70 },
  },
  networkPolicy: { ingressControllerNamespace: 'ingress-nginx' },
  tracing: { otlpEndpoint: '', collectorNamespace: 'observability', collectorPort: 4318 },
};

const acme: DirectoryEntryValues = {
  slug: 'acme',
  displayName: 'ACME Corporation',
  domains: ['acme.vaccinate.example'],
  apiBaseUrl: '/api',
  branding: { primaryColor: '#0b5fff', accentColor: '#ffb000' },
  defaultLocale: 'en',
};

export const platformExample: PlatformValues = {
  ...platformDefaults,
  web: {
    ...platformDefaults.web,
    image: {
      repository: 'ghcr.io/vaccinate/web',
      tag: '1.0.0@sha256:1f5e3c1d2b4a69788776655443322110ffeeddccbbaa99887766554433221100',
    },
  },
  mailer: {
    ...platformDefaults.mailer,
    image: {
      repository: 'ghcr.io/vaccinate/mailer',
      tag: '1.0.0@sha256:2f5e3c1d2b4a69788776655443322110ffeeddccbbaa99887766554433221100',
    },
    from: '"Vaccination center" <noreply@vaccinate.example>',
  },
  certificates: {
    ...platformDefaults.certificates,
    image: {
      repository: 'ghcr.io/vaccinate/certificates',
      tag: '1.0.0@sha256:3f5e3c1d2b4a69788776655443322110ffeeddccbbaa99887766554433221100',
    },
  },
  tenantDirectory: {
    tenants: [
      acme,
      {
        ...acme,
        slug: 'globex',
        displayName: 'Globex',
        domains: ['globex.vaccinate.example'],
        branding: { primaryColor: '#146c43', accentColor: '#f0ad4e', logoUrl: '/branding/globex.svg' },
        defaultLocale: 'de',
        phoneRegion: 'AT',
      },
    ],
  },
};

/** The values files under the chart's ci/ folder: each is linted and rendered by real Helm in CI. */
export const platformCiValues: Record<string, PlatformValues> = {
  // Terraform writes the directory entries itself and may leave the chart's list empty.
  minimal: { ...platformExample, tenantDirectory: { tenants: [] } },
  'two-tenants': platformExample,
  'functions-disabled': {
    ...platformExample,
    mailer: { ...platformExample.mailer, enabled: false, from: '', image: { ...platformExample.mailer.image, tag: '' } },
    certificates: { ...platformExample.certificates, enabled: false, image: { ...platformExample.certificates.image, tag: '' } },
  },
  'every-option': {
    ...platformExample,
    mailer: { ...platformExample.mailer, provider: 'mailjet', logLevel: 'debug', providerCidr: '203.0.113.0/24' },
    certificates: { ...platformExample.certificates, rateLimitPerMinute: 30, autoscaling: { minReplicas: 3, maxReplicas: 10, targetCpuUtilization: 60 } },
    networkPolicy: { ingressControllerNamespace: 'ingress-system' },
    tracing: { otlpEndpoint: 'http://otel-collector.observability.svc.cluster.local:4318', collectorNamespace: 'observability', collectorPort: 4318 },
  },
};
