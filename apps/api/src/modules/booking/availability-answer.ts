import type { IncomingHttpHeaders } from 'node:http';

type Coding = 'br' | 'gzip' | 'identity';

export interface DocumentAnswer {
  status: 200 | 304;
  headers: Readonly<Record<string, string>>;
  body: Buffer | null;
}

/**
 * An availability answer, serialised and compressed once per change, with the answers to every
 * kind of request ready: at thousands of polls a second, building them would be the cost.
 */
export interface CachedDocument {
  /** Weak: one document, whatever its content coding. */
  etag: string;
  notModified: DocumentAnswer;
  inCoding: Readonly<Record<Coding, DocumentAnswer>>;
}

export function cachedDocument(json: Buffer, gzip: Buffer, br: Buffer, etag: string): CachedDocument {
  const common = { 'cache-control': 'no-cache', vary: 'accept-encoding', etag };
  const type = { ...common, 'content-type': 'application/json; charset=utf-8' };
  return {
    etag,
    notModified: { status: 304, headers: common, body: null },
    inCoding: {
      identity: { status: 200, headers: type, body: json },
      gzip: { status: 200, headers: { ...type, 'content-encoding': 'gzip' }, body: gzip },
      br: { status: 200, headers: { ...type, 'content-encoding': 'br' }, body: br },
    },
  };
}

/**
 * The answer to one request for a cached document: 304 when the client holds this version
 * (If-None-Match), else the document in the best coding the client accepts.
 */
export function documentAnswer(document: CachedDocument, headers: IncomingHttpHeaders): DocumentAnswer {
  if (holds(headers['if-none-match'], document.etag)) return document.notModified;
  return document.inCoding[preferredCoding(headers['accept-encoding'])];
}

/** Weak comparison, as RFC 9110 asks of If-None-Match. */
function holds(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch === etag) return true;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === opaque;
  });
}

const codings = new Map<string, Coding>();

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
