import type { FieldProblem } from '@vaccinate/api-contracts';

/** No payload of this API nests deeper; a deeper body is refused before it is parsed. */
export const MAX_JSON_DEPTH = 32;
const MAX_PROBLEMS = 20;

/**
 * How deep the JSON text nests, counted without parsing (and so without recursion): a body
 * thousands of levels deep must not reach a parser or a validator that walks it recursively.
 * Stops counting once `limit` is passed.
 */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c /* \ */) index += 1;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      depth += 1;
      if (depth > limit) return true;
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      depth -= 1;
    }
  }
  return false;
}

// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const UNACCEPTABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text no field of this API accepts: a NUL byte (Postgres text cannot hold it) or a lone UTF-16 surrogate. */
export function isUnacceptableText(value: string): boolean {
  return UNACCEPTABLE_TEXT.test(value);
}

/**
 * Every string (value or key) with NUL or a lone surrogate, and every number outside the safe integer
 * range, in a parsed body, query or path parameters, as a field list with dotted paths (`person.email`,
 * `lots.0.doses`). Walks with an explicit stack; the caller has already bounded the depth.
 */
export function inputShapeProblems(value: unknown, root = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: Array<[unknown, string]> = [[value, root]];
  while (pending.length > 0 && problems.length < MAX_PROBLEMS) {
    const [current, path] = pending.pop() as [unknown, string];
    const field = path || 'body';
    if (typeof current === 'string') {
      if (isUnacceptableText(current)) problems.push({ field, message: 'must not contain a NUL character or a lone surrogate' });
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current) || Math.abs(current) > Number.MAX_SAFE_INTEGER) {
        problems.push({ field, message: 'must be a number between -9007199254740991 and 9007199254740991' });
      }
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current).reverse()) {
        const child = path ? `${path}.${key}` : key;
        if (isUnacceptableText(key)) problems.push({ field: path || 'body', message: 'has a field name with a NUL character or a lone surrogate' });
        else pending.push([item, child]);
      }
    }
  }
  return problems;
}
