/**
 * Name standardisation for `fnt`/`gnt` following ICAO Doc 9303 Part 3 (section 6): Latin letters
 * with diacritics lose them except the recommended multi-letter forms (Ä -> AE, ß -> SS, ...),
 * Cyrillic and Greek use the ICAO tables, spaces and hyphens become the filler `<`, other
 * punctuation is dropped. Scripts without a table here are refused rather than guessed.
 */
const LATIN: Readonly<Record<string, string>> = {
  Ä: 'AE',
  Å: 'AA',
  Æ: 'AE',
  Ö: 'OE',
  Ø: 'OE',
  Ü: 'UE',
  ß: 'SS',
  ẞ: 'SS',
  Þ: 'TH',
  Ð: 'D',
  Đ: 'D',
  Ħ: 'H',
  Ĳ: 'IJ',
  İ: 'I',
  ı: 'I',
  ĸ: 'K',
  Ł: 'L',
  Ŀ: 'L',
  Ŋ: 'N',
  Œ: 'OE',
  ſ: 'S',
};

const CYRILLIC: Readonly<Record<string, string>> = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Ґ: 'G',
  Д: 'D',
  Ѓ: 'G',
  Ђ: 'D',
  Є: 'IE',
  Е: 'E',
  Ё: 'E',
  Ж: 'ZH',
  З: 'Z',
  Ѕ: 'DZ',
  И: 'I',
  І: 'I',
  Ї: 'I',
  Й: 'I',
  Ј: 'J',
  К: 'K',
  Л: 'L',
  Љ: 'LJ',
  М: 'M',
  Н: 'N',
  Њ: 'NJ',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  Ћ: 'C',
  Ќ: 'K',
  У: 'U',
  Ў: 'U',
  Ф: 'F',
  Х: 'KH',
  Ц: 'TS',
  Ч: 'CH',
  Џ: 'DZ',
  Ш: 'SH',
  Щ: 'SHCH',
  Ъ: 'IE',
  Ы: 'Y',
  Ь: '',
  Э: 'E',
  Ю: 'IU',
  Я: 'IA',
};

const GREEK: Readonly<Record<string, string>> = {
  Α: 'A',
  Β: 'V',
  Γ: 'G',
  Δ: 'D',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'I',
  Θ: 'TH',
  Ι: 'I',
  Κ: 'K',
  Λ: 'L',
  Μ: 'M',
  Ν: 'N',
  Ξ: 'X',
  Ο: 'O',
  Π: 'P',
  Ρ: 'R',
  Σ: 'S',
  Τ: 'T',
  Υ: 'Y',
  Φ: 'F',
  Χ: 'CH',
  Ψ: 'PS',
  Ω: 'O',
};

const FILLER = '<';
/** Filler characters: word separators in a name. */
const SEPARATORS = /[\s\-‐‑‒–—]/u;
/** Punctuation ICAO 9303 drops without a filler (d'Artagnan -> DARTAGNAN). */
const DROPPED = /[\p{P}\p{S}]/u;
/** The schema limits `fnt` and `gnt` to 80 characters. */
const MAX_LENGTH = 80;

export class TransliterationError extends Error {
  override readonly name = 'TransliterationError';
}

export function transliterateIcao(name: string): string {
  let out = '';
  // Greek ΟΥ is one sound, written OU in ICAO 9303 (ΠΑΠΑΔΟΠΟΥΛΟΣ -> PAPADOPOULOS).
  const upper = name
    .normalize('NFC')
    .toLocaleUpperCase('en')
    .replace(/ΟΥ|ΟΎ|ΌΥ/g, 'OU');
  for (const char of upper) {
    out += transliterateChar(char);
  }
  const collapsed = out.replace(/<+/g, FILLER).replace(/^<|<$/g, '');
  return collapsed.slice(0, MAX_LENGTH).replace(/<$/, '');
}

function transliterateChar(char: string): string {
  if (/^[A-Z]$/.test(char)) return char;
  const mapped = LATIN[char] ?? CYRILLIC[char] ?? GREEK[char];
  if (mapped !== undefined) return mapped;
  if (SEPARATORS.test(char)) return FILLER;
  if (DROPPED.test(char)) return '';
  // Letters with diacritics: the base letter, found by canonical decomposition.
  const base = char.normalize('NFD').replace(/\p{M}/gu, '');
  if (base !== char) return [...base].map(transliterateChar).join('');
  throw new TransliterationError(`no ICAO 9303 transliteration for ${JSON.stringify(char)}`);
}
