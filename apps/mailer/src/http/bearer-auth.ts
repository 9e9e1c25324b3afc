import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** True when no key is configured, or the request carries `Authorization: Bearer <key>`. Constant time. */
export function isAuthorized(request: IncomingMessage, apiKey: string | null): boolean {
  if (apiKey === null) return true;
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(apiKey));
}
