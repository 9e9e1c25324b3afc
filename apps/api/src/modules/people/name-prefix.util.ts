/** The shortest prefix that is indexed and searched: one letter would tell too much and find too much. */
export const MIN_PREFIX = 2;
/** Longer prefixes add rows and leak more about a name's length than they help a search. */
export const MAX_PREFIX = 20;

const FOLDED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i', þ: 'th' };

/** A name's words as searched: lower case, diacritics folded (Müller → muller), split at spaces, hyphens and apostrophes. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđıþ]/g, (letter) => FOLDED[letter] ?? letter)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Every indexed prefix of the names' words (lengths MIN_PREFIX..MAX_PREFIX), each once. */
export function namePrefixes(...names: string[]): string[] {
  const prefixes = new Set<string>();
  for (const word of names.flatMap(nameWords)) {
    for (let length = MIN_PREFIX; length <= Math.min(word.length, MAX_PREFIX); length++) prefixes.add(word.slice(0, length));
  }
  return [...prefixes];
}

/** The prefixes a search looks up: each typed word, cut to the longest indexed length; words too short to be indexed are dropped. */
export function searchPrefixes(query: string): string[] {
  return [
    ...new Set(
      nameWords(query)
        .filter((word) => word.length >= MIN_PREFIX)
        .map((word) => word.slice(0, MAX_PREFIX)),
    ),
  ];
}
