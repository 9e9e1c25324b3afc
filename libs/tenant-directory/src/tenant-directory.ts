/** One company on the platform, as the web app and operators see it. */
export interface TenantEntry {
  slug: string;
  displayName: string;
  /** Host names the web app answers for this tenant, lower case, without port. */
  domains: string[];
  /** Where this tenant's API lives: absolute URL, or a path on the same origin such as `/api`. */
  apiBaseUrl: string;
  branding: TenantBranding;
  defaultLocale: SupportedLocale;
  /**
   * ISO 3166-1 alpha-2 country a phone number typed without its country code is read in: the country
   * of the tenant API's HOLIDAY_REGION. An entry written before it existed reads as `DE`, the API's default.
   */
  phoneRegion: string;
}

export interface TenantBranding {
  primaryColor: string;
  accentColor: string;
  /** Absolute URL or same-origin path of the logo; optional. */
  logoUrl?: string;
}

export const SUPPORTED_LOCALES = ['de', 'en'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

export interface TenantDirectory {
  version: 1;
  tenants: TenantEntry[];
}

export class TenantDirectoryError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid tenant directory:\n- ${problems.join('\n- ')}`);
    this.name = 'TenantDirectoryError';
  }
}

const SLUG = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const COUNTRY = /^[A-Z]{2}$/;
/** The phoneRegion of an entry that names none: the country of the API's default HOLIDAY_REGION. */
export const DEFAULT_PHONE_REGION = 'DE';

export function isValidSlug(slug: string): boolean {
  return SLUG.test(slug);
}

export function isValidHostName(host: string): boolean {
  if (host.length > 253) return false;
  const labels = host.split('.');
  return labels.length >= 1 && labels.every((label) => HOST_LABEL.test(label));
}

function isUrlOrPath(value: string): boolean {
  if (value.startsWith('/')) return !value.startsWith('//');
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeEntry(index: number, raw: unknown): string {
  const slug = isRecord(raw) && typeof raw['slug'] === 'string' ? ` (slug "${raw['slug']}")` : '';
  return `tenants[${index}]${slug}`;
}

function checkEntry(raw: unknown, where: string, problems: string[]): TenantEntry | undefined {
  if (!isRecord(raw)) {
    problems.push(`${where}: must be an object`);
    return undefined;
  }
  const before = problems.length;
  const text = (field: string): string => {
    const value = raw[field];
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${where}: "${field}" must be a non-empty string`);
      return '';
    }
    return value;
  };
  const slug = text('slug');
  if (slug && !isValidSlug(slug)) {
    problems.push(`${where}: "slug" must be 3-32 lower-case letters, digits or hyphens, starting with a letter`);
  }
  const displayName = text('displayName');
  const apiBaseUrl = text('apiBaseUrl');
  if (apiBaseUrl && !isUrlOrPath(apiBaseUrl)) {
    problems.push(`${where}: "apiBaseUrl" must be an http(s) URL or a path starting with "/"`);
  }
  const domains = raw['domains'];
  if (!Array.isArray(domains) || domains.length === 0) {
    problems.push(`${where}: "domains" must list at least one host name`);
  } else {
    domains.forEach((domain, i) => {
      if (typeof domain !== 'string' || !isValidHostName(domain)) {
        problems.push(`${where}: domains[${i}] must be a lower-case host name without port`);
      }
    });
  }
  const locale = raw['defaultLocale'];
  if (!SUPPORTED_LOCALES.includes(locale as SupportedLocale)) {
    problems.push(`${where}: "defaultLocale" must be one of ${SUPPORTED_LOCALES.join(', ')}`);
  }
  const phoneRegion = raw['phoneRegion'] ?? DEFAULT_PHONE_REGION;
  if (typeof phoneRegion !== 'string' || !COUNTRY.test(phoneRegion)) {
    problems.push(`${where}: "phoneRegion" must be an ISO 3166-1 alpha-2 country code such as DE or AT`);
  }
  const branding = raw['branding'];
  if (!isRecord(branding)) {
    problems.push(`${where}: "branding" must be an object with primaryColor and accentColor`);
  } else {
    for (const field of ['primaryColor', 'accentColor']) {
      const color = branding[field];
      if (typeof color !== 'string' || !COLOR.test(color)) {
        problems.push(`${where}: "branding.${field}" must be a hex color such as #0b5fff`);
      }
    }
    const logoUrl = branding['logoUrl'];
    if (logoUrl !== undefined && (typeof logoUrl !== 'string' || !isUrlOrPath(logoUrl))) {
      problems.push(`${where}: "branding.logoUrl" must be an http(s) URL or a path starting with "/"`);
    }
  }
  if (problems.length > before || !isRecord(branding)) return undefined;
  const logoUrl = branding['logoUrl'];
  return {
    slug,
    displayName,
    domains: (domains as string[]).map((d) => d.toLowerCase()),
    apiBaseUrl,
    branding: {
      primaryColor: branding['primaryColor'] as string,
      accentColor: branding['accentColor'] as string,
      ...(typeof logoUrl === 'string' ? { logoUrl } : {}),
    },
    defaultLocale: locale as SupportedLocale,
    phoneRegion: phoneRegion as string,
  };
}

/** Validates a parsed directory document; every problem is reported, each naming its entry. */
export function parseTenantDirectory(document: unknown): TenantDirectory {
  const problems: string[] = [];
  if (!isRecord(document)) throw new TenantDirectoryError(['the document must be a JSON object']);
  if (document['version'] !== 1) problems.push('"version" must be 1');
  const rawTenants = document['tenants'];
  if (!Array.isArray(rawTenants)) {
    throw new TenantDirectoryError([...problems, '"tenants" must be an array']);
  }
  const tenants: TenantEntry[] = [];
  const slugOwners = new Map<string, string>();
  const domainOwners = new Map<string, string>();
  rawTenants.forEach((raw, index) => {
    const where = describeEntry(index, raw);
    const entry = checkEntry(raw, where, problems);
    if (!entry) return;
    const slugOwner = slugOwners.get(entry.slug);
    if (slugOwner) problems.push(`${where}: slug "${entry.slug}" is already used by ${slugOwner}`);
    slugOwners.set(entry.slug, where);
    for (const domain of entry.domains) {
      const owner = domainOwners.get(domain);
      if (owner) problems.push(`${where}: domain "${domain}" is already used by ${owner}`);
      domainOwners.set(domain, where);
    }
    tenants.push(entry);
  });
  if (problems.length > 0) throw new TenantDirectoryError(problems);
  return { version: 1, tenants };
}

/** The tenant answering for a browser's `location.hostname` (port and trailing dot ignored). */
export function findTenantByHost(directory: TenantDirectory, hostname: string): TenantEntry | undefined {
  const host = hostname.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return directory.tenants.find((tenant) => tenant.domains.includes(host));
}
