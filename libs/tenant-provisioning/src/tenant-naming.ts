const SLUG = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;

export function assertTenantSlug(slug: string): void {
  if (!SLUG.test(slug)) throw new Error(`"${slug}" is not a valid tenant slug`);
}

/** Database and login role share one name, as the Terraform tenant module creates them. */
export function tenantDatabaseName(slug: string): string {
  assertTenantSlug(slug);
  return `tenant_${slug.replace(/-/g, '_')}`;
}

export const tenantRoleName = tenantDatabaseName;

/** Kubernetes namespace of a tenant. */
export function tenantNamespace(slug: string): string {
  assertTenantSlug(slug);
  return `tenant-${slug}`;
}
