import type { FieldProblem } from '@vaccinate/api-contracts';

// The depth guard is shared with the mailer, which reads JSON bodies too.
export { MAX_JSON_DEPTH, jsonDepthExceeds } from '@vaccinate/http-edge';

const MAX_PROBLEMS = 20;

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
