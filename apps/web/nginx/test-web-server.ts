import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The production web server's configuration run by a real nginx (Debian's nginx and
 * libnginx-mod-http-js; .ci/run installs them), with only its paths and port moved to a scratch copy.
 */
const NGINX = '/usr/sbin/nginx';
const JS_MODULE = '/usr/lib/nginx/modules/ngx_http_js_module.so';
const here = import.meta.dirname;

export interface TestWebServer {
  port: number;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `site`: a built web app directory, or files (path -> content) to serve; `directory`: <slug>.json entries. */
export async function startWebServer(site: string | Record<string, string>, directory: Record<string, unknown>): Promise<TestWebServer> {
  if (!existsSync(NGINX) || !existsSync(JS_MODULE)) throw new Error('install nginx and libnginx-mod-http-js (apt-get), as .ci/run does');
  const dir = mkdtempSync(join(tmpdir(), 'vaccinate-nginx-'));
  const port = await freePort();
  // nginx workers run as an unprivileged user: the scratch copy must be readable by it.
  chmodSync(dir, 0o755);
  for (const sub of ['html', 'tenant-directory', 'njs']) mkdirSync(join(dir, sub), { mode: 0o755 });
  if (typeof site === 'string') cpSync(site, join(dir, 'html'), { recursive: true });
  else {
    for (const [path, content] of Object.entries(site)) {
      mkdirSync(join(dir, 'html', path, '..'), { recursive: true, mode: 0o755 });
      writeFileSync(join(dir, 'html', path), content);
    }
  }
  spawnSync('chmod', ['-R', 'a+rX', join(dir, 'html')]);
  for (const [slug, entry] of Object.entries(directory)) writeFileSync(join(dir, 'tenant-directory', `${slug}.json`), JSON.stringify(entry));
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
  if (config.includes('8080')) throw new Error('the listen directive of nginx.conf changed; adapt this copy');
  writeFileSync(join(dir, 'nginx.conf'), config);
  writeFileSync(join(dir, 'security-headers.conf'), readFileSync(join(here, 'security-headers.conf')));
  const directoryModule = readFileSync(join(here, 'tenant-directory.js'), 'utf8').replace('/etc/vaccinate/tenant-directory', join(dir, 'tenant-directory'));
  writeFileSync(join(dir, 'njs', 'tenant-directory.js'), directoryModule);
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
  const check = spawnSync(NGINX, ['-t', ...args], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);
  const nginx = spawn(NGINX, [...args, '-g', 'daemon off;'], { stdio: 'ignore' });
  const stop = (): void => {
    nginx.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fetch(`http://127.0.0.1:${port}/healthz`);
      return { port, stop };
    } catch (error) {
      if (attempt > 100) {
        stop();
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
