/** The color when a record brings none: a dark blue that holds white text. */
export const DEFAULT_BRAND_COLOR = '#1f4e79';

/** `#abc` -> `#aabbcc`; anything else falls back to the default. */
export function normalizeColor(color: string | undefined): string {
  if (color && /^#[0-9a-fA-F]{6}$/.test(color)) return color.toLowerCase();
  if (color && /^#[0-9a-fA-F]{3}$/.test(color)) return `#${[...color.slice(1)].map((c) => c + c).join('')}`.toLowerCase();
  return DEFAULT_BRAND_COLOR;
}

/** WCAG relative luminance of a `#rrggbb` color. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** White or near-black text, whichever reads better on the tenant's color. */
export function readableTextOn(background: string): string {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#1b1b1b') ? '#ffffff' : '#1b1b1b';
}
