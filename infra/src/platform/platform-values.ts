import type { ImageValues, ResourceValues } from '../workload/hardening';

/** One tenant in the directory the web app reads (format: libs/tenant-directory). */
export interface DirectoryEntryValues {
  slug: string;
  displayName: string;
  domains: string[];
  apiBaseUrl: string;
  branding: { primaryColor: string; accentColor: string; logoUrl?: string };
  defaultLocale: string;
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
  networkPolicy: { ingressControllerNamespace: string };
}

export const platformDefaults: PlatformValues = {
  web: {
    image: { repository: 'ghcr.io/vaccinate/web', tag: '' },
    resources: { cpuRequestMillis: 20, cpuLimitMillis: 500, memoryRequestMebibytes: 32, memoryLimitMebibytes: 128 },
    autoscaling: { minReplicas: 2, maxReplicas: 6, targetCpuUtilization: 70 },
  },
  tenantDirectory: { tenants: [] },
  networkPolicy: { ingressControllerNamespace: 'ingress-nginx' },
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
      },
    ],
  },
};
