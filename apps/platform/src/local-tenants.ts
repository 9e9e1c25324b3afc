import { readFile } from 'node:fs/promises';
import { parseTenantDirectory, type TenantDirectory, type TenantEntry } from '@vaccinate/tenant-directory';

export interface LocalTenant {
  entry: TenantEntry;
  apiPort: number;
  /** Which provider's fake in the SMS catcher the tenant sends its texts through; none: texts only go to the log. */
  sms?: 'twilio' | 'vonage';
}

const SMS_PROVIDERS = ['twilio', 'vonage'] as const;

/**
 * Reads the tenants `npm start` runs. Each is reachable at http://<slug>.localhost:<gateway port>;
 * the directory built from them is validated exactly like the one operators deploy.
 */
export async function loadLocalTenants(file: string, apiBasePort: number): Promise<LocalTenant[]> {
  const raw = JSON.parse(await readFile(file, 'utf8')) as { tenants?: unknown };
  const entries = Array.isArray(raw.tenants) ? raw.tenants : [];
  const sms = entries.map((tenant: Record<string, unknown>) => {
    const provider = tenant['sms'];
    if (provider === undefined || SMS_PROVIDERS.includes(provider as (typeof SMS_PROVIDERS)[number])) return provider as LocalTenant['sms'];
    throw new Error(`${file}: "sms" of ${String(tenant['slug'])} must be ${SMS_PROVIDERS.join(' or ')}`);
  });
  const directory = parseTenantDirectory({
    version: 1,
    tenants: entries.map(({ sms: _local, ...tenant }: Record<string, unknown>) => ({
      ...tenant,
      domains: [`${String(tenant['slug'])}.localhost`],
      apiBaseUrl: '/api',
    })),
  });
  if (directory.tenants.length === 0) throw new Error(`${file} lists no tenant`);
  return directory.tenants.map((entry, index) => ({ entry, apiPort: apiBasePort + index, ...(sms[index] ? { sms: sms[index] } : {}) }));
}

export function directoryOf(tenants: LocalTenant[]): TenantDirectory {
  return { version: 1, tenants: tenants.map((tenant) => tenant.entry) };
}
