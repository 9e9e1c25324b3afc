import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** Serves the built web app; unknown paths get index.html so the app's own routes work on reload. */
export async function serveWebApp(webRoot: string, urlPath: string, response: ServerResponse): Promise<void> {
  const relative = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/')).replace(/^([/\\])+/, '');
  const candidate = join(webRoot, relative);
  const insideRoot = candidate === webRoot || candidate.startsWith(webRoot + sep);
  const file = insideRoot && (await isFile(candidate)) ? candidate : join(webRoot, 'index.html');
  if (!(await isFile(file))) {
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('The web app is not built. Run `npm run build` (npm start does it for you).');
    return;
  }
  const immutable = file.includes(`${sep}assets${sep}`);
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(response);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
