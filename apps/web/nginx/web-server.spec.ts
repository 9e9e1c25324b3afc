import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The production web server's configuration, run by a real nginx (Debian's nginx and
 * libnginx-mod-http-js; .ci/run installs them) with only its paths and port moved to a scratch copy.
 */
const NGINX = '/usr/sbin/nginx';
const JS_MODULE = '/usr/lib/nginx/modules/ngx_http_js_module.so';
const here = __dirname;
const INDEX = '<!doctype html><title>vaccinate</title><div id="root"></div>';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let dir = '';
let port = 0;
let nginx: ChildProcess | undefined;

beforeAll(async () => {
  if (!existsSync(NGINX) || !existsSync(JS_MODULE)) throw new Error('install nginx and libnginx-mod-http-js (apt-get), as .ci/run does');
  dir = mkdtempSync(join(tmpdir(), 'vaccinate-nginx-'));
  port = await freePort();
  // nginx workers run as an unprivileged user: the scratch copy must be readable by it.
  chmodSync(dir, 0o755);
  for (const sub of ['html/assets', 'tenant-directory', 'njs']) mkdirSync(join(dir, sub), { recursive: true, mode: 0o755 });
  writeFileSync(join(dir, 'html', 'index.html'), INDEX);
  writeFileSync(join(dir, 'html', 'assets', 'app-1a2b.js'), 'console.log(1);');
  writeFileSync(join(dir, 'tenant-directory', 'acme.json'), JSON.stringify({ slug: 'acme' }));
  const config = readFileSync(join(here, 'nginx.conf'), 'utf8')
    .replace('modules/ngx_http_js_module.so', JS_MODULE)
    .replace('/tmp/nginx.pid', join(dir, 'nginx.pid'))
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
    .replace('/usr/share/nginx/html', join(dir, 'html'))
    .replace('/etc/nginx/njs', join(dir, 'njs'))
    .replace(/_temp_path \/tmp\//g, `_temp_path ${dir}/`)
    // A test worker's stdout and stderr are pipes nginx cannot open by path.
    .replace('/dev/stderr', join(dir, 'error.log'))
    .replace('/dev/stdout', join(dir, 'access.log'));
  expect(config).not.toContain('8080');
  writeFileSync(join(dir, 'nginx.conf'), config);
  writeFileSync(join(dir, 'security-headers.conf'), readFileSync(join(here, 'security-headers.conf')));
  const directoryModule = readFileSync(join(here, 'tenant-directory.js'), 'utf8').replace('/etc/vaccinate/tenant-directory', join(dir, 'tenant-directory'));
  writeFileSync(join(dir, 'njs', 'tenant-directory.js'), directoryModule);
  const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { encoding: 'utf8' });
  expect(check.status, check.stderr).toBe(0);
  nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'], { stdio: 'ignore' });
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fetch(`http://127.0.0.1:${port}/healthz`);
      break;
    } catch (error) {
      if (attempt > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}, 30_000);

afterAll(() => {
  nginx?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

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
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...sources]) => [name, sources]));
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
