import { createHash, timingSafeEqual } from 'node:crypto';

/** True when no key is configured, or the `Authorization` header is `Bearer <key>`. Constant time. */
export function isAuthorized(authorization: string | undefined, apiKey: string | null): boolean {
  if (apiKey === null) return true;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(apiKey));
}
