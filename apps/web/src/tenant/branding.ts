import type { TenantEntry } from '@vaccinate/tenant-directory';
import { ensureContrast, readableTextOn } from './color-contrast.util';

/**
 * Puts the tenant's colors into CSS custom properties. The raw colors are kept for surfaces; text
 * and button colors are derived so that a light brand color (yellow, say) still meets WCAG AA.
 */
export function applyBranding(tenant: TenantEntry, root: HTMLElement = document.documentElement): void {
  const { primaryColor, accentColor } = tenant.branding;
  const primaryStrong = ensureContrast(primaryColor);
  const properties: Record<string, string> = {
    '--brand-primary': primaryColor,
    '--brand-accent': accentColor,
    // Buttons and links use the readable variant; on-colors are picked per background.
    '--brand-primary-strong': primaryStrong,
    '--brand-on-primary': readableTextOn(primaryStrong),
    '--brand-on-accent': readableTextOn(accentColor),
  };
  for (const [name, value] of Object.entries(properties)) root.style.setProperty(name, value);
  root.dataset['tenant'] = tenant.slug;
}

/** `Page · Company`, or the company alone on its landing page. */
export function documentTitle(tenantName: string, pageTitle?: string): string {
  return pageTitle ? `${pageTitle} · ${tenantName}` : tenantName;
}
