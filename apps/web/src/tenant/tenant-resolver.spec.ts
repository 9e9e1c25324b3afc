import { describe, expect, it, vi } from 'vitest';
import { createFetchMock, jsonResponse } from '../test/fetch-mock';
import { acme, directory } from '../test/tenant-fixtures';
import { resolveTenant, TENANT_DIRECTORY_PATH } from './tenant-resolver';

const serving = (body: unknown, status = 200) => createFetchMock({ [`GET ${TENANT_DIRECTORY_PATH}`]: () => jsonResponse(body, status) });

describe('resolveTenant', () => {
  it('picks the entry for the host name from the directory on this origin', async () => {
    const mock = serving(directory);
    await expect(resolveTenant('vaccinate.acme.example', mock.fetch)).resolves.toEqual({ kind: 'found', tenant: acme });
    expect(mock.requests[0]?.url).toBe('/tenant-directory.json');
  });

  it('says unknown host for a host no tenant claims, without naming any tenant', async () => {
    const result = await resolveTenant('initech.localhost', serving(directory).fetch);
    expect(result).toEqual({ kind: 'unknown-host' });
  });

  it('says unavailable when the directory is missing, unreadable or invalid', async () => {
    expect((await resolveTenant('acme.localhost', serving({}, 404).fetch)).kind).toBe('unavailable');
    const offline = vi.fn().mockRejectedValue(new TypeError('Failed to fetch')) as unknown as typeof fetch;
    expect((await resolveTenant('acme.localhost', offline)).kind).toBe('unavailable');
    const invalid = await resolveTenant('acme.localhost', serving({ version: 1, tenants: [{ slug: 'acme' }] }).fetch);
    expect(invalid.kind).toBe('unavailable');
    expect(invalid.kind === 'unavailable' && invalid.reason).toContain('displayName');
  });
});
