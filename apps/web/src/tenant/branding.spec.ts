import { describe, expect, it } from 'vitest';
import { acme, globex } from '../test/tenant-fixtures';
import { applyBranding, documentTitle } from './branding';
import { contrastRatio, ensureContrast, readableTextOn } from './color-contrast.util';

describe('applyBranding', () => {
  it('sets the tenant colors as CSS custom properties on the root element', () => {
    const root = document.createElement('html');
    applyBranding(acme, root);
    expect(root.style.getPropertyValue('--brand-primary')).toBe('#0b5fff');
    expect(root.style.getPropertyValue('--brand-accent')).toBe('#ffb000');
    expect(root.style.getPropertyValue('--brand-on-primary')).toBe('#ffffff');
    expect(root.dataset['tenant']).toBe('acme');
  });

  it('derives a readable button and link color from a light brand color', () => {
    const root = document.createElement('html');
    applyBranding(globex, root);
    const strong = root.style.getPropertyValue('--brand-primary-strong');
    expect(root.style.getPropertyValue('--brand-primary')).toBe('#ffd400');
    expect(strong).not.toBe('#ffd400');
    expect(contrastRatio(strong, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(root.style.getPropertyValue('--brand-on-primary'), strong)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('color contrast', () => {
  it('knows black on white and picks the better text color', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 0);
    expect(readableTextOn('#ffd400')).toBe('#111827');
    expect(readableTextOn('#0b5fff')).toBe('#ffffff');
  });

  it('keeps a color that already reads well', () => {
    expect(ensureContrast('#0b5fff')).toBe('#0b5fff');
  });
});

describe('documentTitle', () => {
  it('names the page and the company', () => {
    expect(documentTitle('ACME Corporation', 'Staff sign-in')).toBe('Staff sign-in · ACME Corporation');
    expect(documentTitle('ACME Corporation')).toBe('ACME Corporation');
  });
});
