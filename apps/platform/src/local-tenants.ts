import { readFile } from 'node:fs/promises';
import { parseTenantDirectory, type TenantDirectory, type TenantEntry } from '@vaccinate/tenant-directory';

export interface LocalTenant {
  entry: TenantEntry;
  apiPort: number;
  /** `DE` or `DE-BE` (HOLIDAY_REGION of its API); the directory entry's phoneRegion is its country. */
  holidayRegion: string;
  /** Which provider's fake in the SMS catcher the tenant sends its texts through; none: texts only go to the log. */
  sms?: 'twilio' | 'vonage';
}

const SMS_PROVIDERS = ['twilio', 'vonage'] as const;
const HOLIDAY_REGION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

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
  const holidayRegions = entries.map((tenant: Record<string, unknown>) => {
    const region = tenant['holidayRegion'] ?? 'DE';
    if (typeof region === 'string' && HOLIDAY_REGION.test(region)) return region;
    throw new Error(`${file}: "holidayRegion" of ${String(tenant['slug'])} must be a country or country-state code such as DE or AT-9`);
  });
  const directory = parseTenantDirectory({
    version: 1,
    tenants: entries.map(({ sms: _local, holidayRegion: _api, ...tenant }: Record<string, unknown>, index: number) => ({
      ...tenant,
      domains: [`${String(tenant['slug'])}.localhost`],
      apiBaseUrl: '/api',
      // As Terraform writes it: the web reads phone numbers in the country whose holidays the API knows.
      phoneRegion: holidayRegions[index]?.split('-')[0],
    })),
  });
  if (directory.tenants.length === 0) throw new Error(`${file} lists no tenant`);
  return directory.tenants.map((entry, index) => ({
    entry,
    apiPort: apiBasePort + index,
    holidayRegion: holidayRegions[index] ?? 'DE',
    ...(sms[index] ? { sms: sms[index] } : {}),
  }));
}

export function directoryOf(tenants: LocalTenant[]): TenantDirectory {
  return { version: 1, tenants: tenants.map((tenant) => tenant.entry) };
}
