import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_ENVIRONMENT_VARIABLES, apiEnvironment } from './api-environment';
import { generateTenantSecrets } from './tenant-secrets';
import { tenantDatabaseName, tenantNamespace } from './tenant-naming';

describe('apiEnvironment', () => {
  let environment: Record<string, string>;
  beforeAll(async () => {
    environment = apiEnvironment({
      slug: 'acme',
      publicUrl: 'http://acme.localhost:8080',
      databaseUrl: 'postgres://tenant_acme:x@127.0.0.1:5432/tenant_acme',
      secrets: await generateTenantSecrets(),
      port: 3101,
      initialAdminEmail: 'admin@acme.example',
    });
  });

  it('sets every required variable and only declared ones', () => {
    const declared = new Set(API_ENVIRONMENT_VARIABLES.map((variable) => variable.name));
    for (const variable of API_ENVIRONMENT_VARIABLES.filter((v) => v.required)) {
      expect(environment[variable.name], variable.name).toBeTruthy();
    }
    expect(Object.keys(environment).filter((name) => !declared.has(name))).toEqual([]);
  });

  it('generates distinct, well-formed secrets for each tenant', async () => {
    const [a, b] = await Promise.all([generateTenantSecrets(), generateTenantSecrets()]);
    expect(a.fieldKeys).not.toBe(b.fieldKeys);
    expect(Buffer.from(a.fieldKeys.slice(3), 'base64')).toHaveLength(32);
    expect(a.accessTokenKeys).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(a.accessTokenKeys).not.toBe(a.certificateSigningKeys);
  });

  it('issues the certificate key a DSC in the EU profile, signed by the CSCA (checked with node:crypto)', async () => {
    const secrets = await generateTenantSecrets({ slug: 'acme', country: 'AT' });
    const dsc = new X509Certificate(Buffer.from(secrets.certificateSignerCertificates.slice(3), 'base64'));
    const csca = new X509Certificate(Buffer.from(secrets.certificateCsca, 'base64'));
    expect(dsc.verify(csca.publicKey)).toBe(true);
    expect(dsc.checkIssued(csca)).toBe(true);
    expect(csca.ca).toBe(true);
    expect(dsc.ca).toBe(false);
    expect(dsc.subject).toContain('C=AT');
    expect(dsc.keyUsage).toEqual(['1.3.6.1.4.1.1847.2021.1.2']);
    expect(dsc.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });
});

describe('tenant naming', () => {
  it('derives database, role and namespace names from the slug', () => {
    expect(tenantDatabaseName('big-corp')).toBe('tenant_big_corp');
    expect(tenantNamespace('big-corp')).toBe('tenant-big-corp');
    expect(() => tenantDatabaseName('Robert"); DROP')).toThrow(/not a valid tenant slug/);
  });
});
