import { findTenantByHost, parseTenantDirectory, TenantDirectoryError, type TenantEntry } from '@vaccinate/tenant-directory';

export const TENANT_DIRECTORY_PATH = '/tenant-directory.json';

export type TenantResolution = { kind: 'found'; tenant: TenantEntry } | { kind: 'unknown-host' } | { kind: 'unavailable'; reason: string };

/**
 * Loads the directory from this origin and picks the tenant for the host name. Only the matching
 * entry leaves this function: other tenants are never shown to a visitor.
 */
export async function resolveTenant(hostname: string, fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init)): Promise<TenantResolution> {
  let document: unknown;
  try {
    const response = await fetchImpl(TENANT_DIRECTORY_PATH, {
      headers: { accept: 'application/json' },
      cache: 'no-cache',
    });
    if (!response.ok) return { kind: 'unavailable', reason: `HTTP ${response.status}` };
    document = await response.json();
  } catch (error) {
    return { kind: 'unavailable', reason: error instanceof Error ? error.message : 'unreadable' };
  }
  try {
    const tenant = findTenantByHost(parseTenantDirectory(document), hostname);
    return tenant ? { kind: 'found', tenant } : { kind: 'unknown-host' };
  } catch (error) {
    if (error instanceof TenantDirectoryError) return { kind: 'unavailable', reason: error.message };
    throw error;
  }
}
