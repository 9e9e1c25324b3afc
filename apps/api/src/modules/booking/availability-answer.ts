import type { IncomingHttpHeaders } from 'node:http';

/** An availability answer, serialised and compressed once per change: at thousands of polls a second that work would be the cost. */
export interface CachedDocument {
  json: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** Weak: one document, whatever its content coding. */
  etag: string;
}

export interface DocumentAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Buffer | null;
}

type Coding = 'br' | 'gzip' | 'identity';
const codings = new Map<string, Coding>();

/**
 * The answer to one request for a cached document: 304 when the client holds this version
 * (If-None-Match), else the document in the best coding the client accepts.
 */
export function documentAnswer(document: CachedDocument, headers: IncomingHttpHeaders): DocumentAnswer {
  const common = { 'cache-control': 'no-cache', vary: 'accept-encoding', etag: document.etag };
  if (holds(headers['if-none-match'], document.etag)) return { status: 304, headers: common, body: null };
  const coding = preferredCoding(headers['accept-encoding']);
  const type = { ...common, 'content-type': 'application/json; charset=utf-8' };
  if (coding === 'identity') return { status: 200, headers: type, body: document.json };
  return { status: 200, headers: { ...type, 'content-encoding': coding }, body: document[coding] };
}

/** Weak comparison, as RFC 9110 asks of If-None-Match. */
function holds(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === opaque;
  });
}

/** Brotli before gzip; a coding with q=0 is refused. Browsers send a handful of distinct headers, so the choice is remembered. */
export function preferredCoding(acceptEncoding: string | undefined): Coding {
  if (!acceptEncoding) return 'identity';
  let coding = codings.get(acceptEncoding);
  if (coding) return coding;
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) accepted.add(name);
  }
  coding = accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : 'identity';
  if (codings.size < 1_000) codings.set(acceptEncoding, coding);
  return coding;
}
