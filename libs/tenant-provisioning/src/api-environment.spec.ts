import { describe, expect, it } from 'vitest';
import { API_ENVIRONMENT_VARIABLES, apiEnvironment } from './api-environment';
import { generateTenantSecrets } from './tenant-secrets';
import { tenantDatabaseName, tenantNamespace } from './tenant-naming';

describe('apiEnvironment', () => {
  const environment = apiEnvironment({
    slug: 'acme',
    publicUrl: 'http://acme.localhost:8080',
    databaseUrl: 'postgres://tenant_acme:x@127.0.0.1:5432/tenant_acme',
    secrets: generateTenantSecrets(),
    port: 3101,
    initialAdminEmail: 'admin@acme.example',
  });

  it('sets every required variable and only declared ones', () => {
    const declared = new Set(API_ENVIRONMENT_VARIABLES.map((variable) => variable.name));
    for (const variable of API_ENVIRONMENT_VARIABLES.filter((v) => v.required)) {
      expect(environment[variable.name], variable.name).toBeTruthy();
    }
    expect(Object.keys(environment).filter((name) => !declared.has(name))).toEqual([]);
  });

  it('generates distinct, well-formed secrets for each tenant', () => {
    const [a, b] = [generateTenantSecrets(), generateTenantSecrets()];
    expect(a.fieldKeys).not.toBe(b.fieldKeys);
    expect(Buffer.from(a.fieldKeys.slice(3), 'base64')).toHaveLength(32);
    expect(a.tokenSigningKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });
});

describe('tenant naming', () => {
  it('derives database, role and namespace names from the slug', () => {
    expect(tenantDatabaseName('big-corp')).toBe('tenant_big_corp');
    expect(tenantNamespace('big-corp')).toBe('tenant-big-corp');
    expect(() => tenantDatabaseName('Robert"); DROP')).toThrow(/not a valid tenant slug/);
  });
});
