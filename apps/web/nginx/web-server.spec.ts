import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type TestWebServer } from './test-web-server';

const INDEX = '<!doctype html><title>vaccinate</title><div id="root"></div>';
let server: TestWebServer | undefined;
let port = 0;

beforeAll(async () => {
  server = await startWebServer({ 'index.html': INDEX, 'assets/app-1a2b.js': 'console.log(1);' }, { acme: { slug: 'acme' } });
  port = server.port;
}, 30_000);

afterAll(() => server?.stop());

const get = (path: string): Promise<Response> => fetch(`http://127.0.0.1:${port}${path}`, { headers: { host: 'acme.vaccinate.example' } });

const paths: [string, number][] = [
  ['/', 200],
  ['/assets/app-1a2b.js', 200],
  ['/assets/missing.js', 404],
  ['/tenant-directory.json', 200],
  ['/healthz', 200],
  ['/staff/days/2026-12-02/board', 200],
  ['/%zz', 400],
  ['/booking/%E0%A4%A', 400],
];

describe('the production web server (nginx)', () => {
  it.each(paths)('answers %s with %i and every security header', async (path, status) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name = '', ...sources]) => [name, sources]),
    );
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('keeps each location its own caching next to the shared headers', async () => {
    expect((await get('/assets/app-1a2b.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/')).headers.get('cache-control')).toBe('no-cache');
    expect((await get('/tenant-directory.json')).headers.get('cache-control')).toBe('no-cache');
  });

  it('serves the SPA on deep routes and the merged tenant directory', async () => {
    expect(await (await get('/staff/days/2026-12-02/board')).text()).toBe(INDEX);
    expect(await (await get('/tenant-directory.json')).json()).toEqual({ version: 1, tenants: [{ slug: 'acme' }] });
  });

  it('sends each header once', async () => {
    const response = await get('/assets/app-1a2b.js');
    for (const name of ['content-security-policy', 'x-content-type-options', 'strict-transport-security']) {
      expect(response.headers.get(name), name).not.toContain(',');
    }
  });
});
