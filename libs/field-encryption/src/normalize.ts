/** The canonical form of an e-mail address for blind indexes: trimmed, NFKC, lower case. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/** The canonical form of an identifier such as an employee number: trimmed, inner spaces removed, upper case. */
export function normalizeIdentifier(identifier: string): string {
  return identifier.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}
