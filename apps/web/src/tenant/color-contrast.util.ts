/** WCAG 2.x contrast helpers, so any tenant color stays readable on our white surfaces. */

type Rgb = [number, number, number];

export function parseHexColor(hex: string): Rgb {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const value = Number.parseInt(full, 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function relativeLuminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(parseHexColor(a)), relativeLuminance(parseHexColor(b))].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/** White or near-black, whichever reads better on the given background. */
export function readableTextOn(background: string): string {
  const dark = '#111827';
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, dark) ? '#ffffff' : dark;
}

/** The color itself if it reaches `ratio` against `background`, else the same hue darkened until it does. */
export function ensureContrast(color: string, background = '#ffffff', ratio = 4.5): string {
  let rgb = parseHexColor(color);
  for (let step = 0; step < 40 && contrastRatio(toHex(rgb), background) < ratio; step += 1) {
    rgb = rgb.map((c) => c * 0.92) as Rgb;
  }
  return toHex(rgb);
}
