import { join } from 'node:path';
import { Font } from '@react-pdf/renderer';

export const CERTIFICATE_FONT_FAMILY = 'DejaVu Sans';

let registered = false;

/**
 * An embedded Unicode font: the PDF standard fonts cover only Western European letters, and a
 * certificate must print every holder's name as written (ł, č, ő, Cyrillic, Greek...).
 * The path works from both `src/pdf` (tests) and `dist/pdf` (build).
 */
export function registerCertificateFonts(): void {
  if (registered) return;
  const fonts = join(__dirname, '..', '..', 'assets', 'fonts');
  Font.register({
    family: CERTIFICATE_FONT_FAMILY,
    fonts: [
      { src: join(fonts, 'DejaVuSans.ttf'), fontWeight: 'normal' },
      { src: join(fonts, 'DejaVuSans-Bold.ttf'), fontWeight: 'bold' },
    ],
  });
  // Names, product names and identifiers must never be split with a hyphen.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
