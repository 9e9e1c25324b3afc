/**
 * Booking codes are shown as `7KQ4-M2XD` (Crockford base32) and typed any way: with or without the
 * dash, with spaces, in any case. This is the one reading of a typed or scanned code.
 */
export function normalizeBookingCode(value: string): string {
  const compact = value
    .toUpperCase()
    .replace(/[\s\-‐-―]+/g, '')
    // Crockford's decoding: letters people type for the digits they resemble.
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return /^[0-9A-Z]{8}$/.test(compact) ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}
