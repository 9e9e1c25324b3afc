import { ShcError } from './shc-error';

/** The media type of a `.smart-health-card` download. */
export const SMART_HEALTH_CARD_MEDIA_TYPE = 'application/smart-health-card';

export function toSmartHealthCardFile(jwsList: string[]): string {
  return JSON.stringify({ verifiableCredential: jwsList });
}

export function parseSmartHealthCardFile(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new ShcError('malformed', 'a .smart-health-card file is JSON', { cause });
  }
  const list = (parsed as { verifiableCredential?: unknown } | null)?.verifiableCredential;
  if (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === 'string')) {
    throw new ShcError('malformed', 'a .smart-health-card file holds {"verifiableCredential": [jws, ...]}');
  }
  return list as string[];
}
