import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The production web server's header snippet: the one place the edge's security headers are declared. */
export const SECURITY_HEADERS_FILE = resolve(__dirname, '..', '..', 'web', 'nginx', 'security-headers.conf');

/** Reads `add_header Name "value" always;` lines, so the local gateway sends exactly what nginx sends. */
export function parseSecurityHeaders(conf: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of conf.split('\n')) {
    const match = /^\s*add_header\s+([A-Za-z-]+)\s+"([^"]*)"\s+always;\s*$/.exec(line);
    if (match?.[1] && match[2] !== undefined) headers[match[1].toLowerCase()] = match[2];
  }
  return headers;
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = parseSecurityHeaders(readFileSync(SECURITY_HEADERS_FILE, 'utf8'));
