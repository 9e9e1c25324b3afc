import { join } from 'node:path';

/**
 * An embedded Unicode font: the PDF standard fonts cover only Western European letters, and a
 * certificate must print every holder's name as written (ł, č, ő, Cyrillic, Greek...).
 * The path works from both `src/pdf` (tests) and `dist/pdf` (build).
 */
const FONT_DIRECTORY = join(__dirname, '..', '..', 'assets', 'fonts');

export const CERTIFICATE_FONTS = {
  regular: join(FONT_DIRECTORY, 'DejaVuSans.ttf'),
  bold: join(FONT_DIRECTORY, 'DejaVuSans-Bold.ttf'),
} as const;
