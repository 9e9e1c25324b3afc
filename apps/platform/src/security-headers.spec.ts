import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS, SECURITY_HEADERS_FILE, parseSecurityHeaders } from './security-headers';

describe('security headers shared with nginx', () => {
  it('reads every add_header line of the nginx snippet', () => {
    const lines = readFileSync(SECURITY_HEADERS_FILE, 'utf8')
      .split('\n')
      .filter((line) => line.trim().startsWith('add_header'));
    expect(Object.keys(SECURITY_HEADERS)).toHaveLength(lines.length);
    expect(SECURITY_HEADERS['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(SECURITY_HEADERS['x-content-type-options']).toBe('nosniff');
    expect(SECURITY_HEADERS['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('ignores comments and lines of another shape', () => {
    expect(parseSecurityHeaders('# add_header X-A "1" always;\nadd_header X-B "2" always;\nadd_header X-C 3;')).toEqual({ 'x-b': '2' });
  });
});
