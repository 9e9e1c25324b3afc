/** The holder's personal data: what they type to open their certificate. */
export interface PersonalData {
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
}

/**
 * One spelling per person, so the holder need not type their name exactly as staff did:
 * compatibility decomposition (NFKD), combining marks removed (é -> e), full case folding
 * (ß -> ss), whitespace runs collapsed to one space and trimmed.
 */
export function canonicalName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().toLowerCase().normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** Birth dates are compared as ISO dates (YYYY-MM-DD); the form sends that format. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The canonical form as an unambiguous string (a JSON array), the input to key derivation. */
export function canonicalPersonalData(data: PersonalData): string {
  return JSON.stringify([canonicalName(data.familyName), canonicalName(data.givenName), data.birthDate.trim()]);
}
