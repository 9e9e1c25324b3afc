import type { IncomingMessage } from 'node:http';

/**
 * The address to rate-limit: the socket's peer, or, behind `trustedProxyHops` proxies, the entry
 * the outermost trusted proxy appended to `X-Forwarded-For`. Entries further left are set by the
 * client and could be anything, so they are never used.
 */
export function clientAddress(request: IncomingMessage, trustedProxyHops: number): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (trustedProxyHops === 0) return peer;
  const header = request.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - trustedProxyHops] ?? peer;
}
