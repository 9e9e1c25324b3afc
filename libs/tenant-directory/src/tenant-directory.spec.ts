import { describe, expect, it } from 'vitest';
import { findTenantByHost, parseTenantDirectory, TenantDirectoryError } from './tenant-directory';

const acme = {
  slug: 'acme',
  displayName: 'ACME Corporation',
  domains: ['acme.vaccinate.example', 'acme.localhost'],
  apiBaseUrl: '/api',
  branding: { primaryColor: '#0b5fff', accentColor: '#ffb000', logoUrl: '/branding/acme.svg' },
  defaultLocale: 'en',
  phoneRegion: 'AT',
};
const globex = { ...acme, slug: 'globex', displayName: 'Globex', domains: ['globex.localhost'], defaultLocale: 'de' };

function problemsOf(document: unknown): string[] {
  try {
    parseTenantDirectory(document);
  } catch (error) {
    if (error instanceof TenantDirectoryError) return error.problems;
    throw error;
  }
  throw new Error('expected the directory to be refused');
}

describe('parseTenantDirectory', () => {
  it('accepts a valid directory and keeps every field', () => {
    const directory = parseTenantDirectory({ version: 1, tenants: [acme, globex] });
    expect(directory.tenants.map((t) => t.slug)).toEqual(['acme', 'globex']);
    expect(directory.tenants[0]).toEqual(acme);
  });

  it('names the bad entry by index and slug, and reports every problem at once', () => {
    const broken = { ...globex, domains: ['Not A Host'], branding: { primaryColor: 'red', accentColor: '#fff' } };
    const problems = problemsOf({ version: 1, tenants: [acme, broken] });
    expect(problems).toEqual([
      'tenants[1] (slug "globex"): domains[0] must be a lower-case host name without port',
      'tenants[1] (slug "globex"): "branding.primaryColor" must be a hex color such as #0b5fff',
    ]);
  });

  it('refuses a domain or slug claimed by two tenants', () => {
    const problems = problemsOf({ version: 1, tenants: [acme, { ...globex, domains: ['acme.localhost'] }, acme] });
    expect(problems).toContain('tenants[1] (slug "globex"): domain "acme.localhost" is already used by tenants[0] (slug "acme")');
    expect(problems).toContain('tenants[2] (slug "acme"): slug "acme" is already used by tenants[0] (slug "acme")');
  });

  it('refuses a missing field, an unknown locale and a protocol-relative API URL', () => {
    const { displayName: _omitted, ...withoutName } = acme;
    const problems = problemsOf({
      version: 1,
      tenants: [{ ...withoutName, defaultLocale: 'fr', apiBaseUrl: '//evil.example/api' }],
    });
    expect(problems).toEqual([
      'tenants[0] (slug "acme"): "displayName" must be a non-empty string',
      'tenants[0] (slug "acme"): "apiBaseUrl" must be an http(s) URL or a path starting with "/"',
      'tenants[0] (slug "acme"): "defaultLocale" must be one of de, en',
    ]);
  });

  it('reads phone numbers of an entry without phoneRegion as German ones, and refuses a region that is no country code', () => {
    const { phoneRegion: _omitted, ...withoutRegion } = acme;
    expect(parseTenantDirectory({ version: 1, tenants: [withoutRegion] }).tenants[0]?.phoneRegion).toBe('DE');
    expect(problemsOf({ version: 1, tenants: [{ ...acme, phoneRegion: 'DE-BE' }] })).toEqual([
      'tenants[0] (slug "acme"): "phoneRegion" must be an ISO 3166-1 alpha-2 country code such as DE or AT',
    ]);
  });

  it('refuses a document that is not a directory', () => {
    expect(problemsOf([])).toEqual(['the document must be a JSON object']);
    expect(problemsOf({ version: 2, tenants: {} })).toEqual(['"version" must be 1', '"tenants" must be an array']);
  });
});

describe('findTenantByHost', () => {
  const directory = parseTenantDirectory({ version: 1, tenants: [acme, globex] });

  it('finds the tenant whatever the case, port or trailing dot', () => {
    expect(findTenantByHost(directory, 'ACME.localhost')?.slug).toBe('acme');
    expect(findTenantByHost(directory, 'globex.localhost:8080')?.slug).toBe('globex');
    expect(findTenantByHost(directory, 'acme.vaccinate.example.')?.slug).toBe('acme');
  });

  it('finds nothing for an unknown host or a look-alike suffix', () => {
    expect(findTenantByHost(directory, 'initech.localhost')).toBeUndefined();
    expect(findTenantByHost(directory, 'evil-acme.localhost')).toBeUndefined();
  });
});
