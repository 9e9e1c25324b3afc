import { ShcError } from './shc-error';

export const SHC_QR_PREFIX = 'shc:/';
/** The longest JWS that fits one version-22 QR code in numeric mode (SMART Health Cards spec). */
export const MAX_SINGLE_QR_JWS_LENGTH = 1195;

/** `shc:/` then two digits per JWS character: its char code minus 45 ('-'), the lowest JWS character. */
export function jwsToQrText(jws: string): string {
  if (jws.length > MAX_SINGLE_QR_JWS_LENGTH) {
    throw new ShcError('too_large', `the JWS has ${jws.length} characters; one QR code holds ${MAX_SINGLE_QR_JWS_LENGTH}`);
  }
  let digits = '';
  for (const char of jws) {
    const value = char.charCodeAt(0) - 45;
    if (value < 0 || value > 77) throw new ShcError('malformed', 'the JWS holds a character outside base64url and "."');
    digits += value.toString().padStart(2, '0');
  }
  return SHC_QR_PREFIX + digits;
}

export function qrTextToJws(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.toLowerCase().startsWith(SHC_QR_PREFIX)) throw new ShcError('malformed', 'not a shc:/ QR text');
  const digits = trimmed.slice(SHC_QR_PREFIX.length);
  // Multi-chunk QR texts (shc:/1/2/...) are deprecated and not produced here.
  if (!/^(\d\d)+$/.test(digits)) throw new ShcError('malformed', 'a shc:/ QR text holds pairs of digits');
  let jws = '';
  for (let i = 0; i < digits.length; i += 2) {
    const value = Number(digits.slice(i, i + 2));
    if (value > 77) throw new ShcError('malformed', 'a shc:/ digit pair is out of range');
    jws += String.fromCharCode(value + 45);
  }
  return jws;
}
