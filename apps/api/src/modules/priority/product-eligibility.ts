import type { FieldProblem, ProductAgeLimit } from '@vaccinate/api-contracts';

export type { ProductAgeLimit };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isAge(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 150);
}

/** Checks the eligibility list staff submit; every problem with its path. */
export function readProductAgeLimits(value: unknown): { limits: ProductAgeLimit[] } | { problems: FieldProblem[] } {
  if (!Array.isArray(value) || value.length > 100) return { problems: [{ field: 'eligibility', message: 'must be a list of at most 100 products' }] };
  const problems: FieldProblem[] = [];
  const limits: ProductAgeLimit[] = [];
  const seen = new Set<string>();
  value.forEach((entry: unknown, index) => {
    const path = `eligibility.${index}`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push({ field: path, message: 'must be an object with productId, minAgeYears and maxAgeYears' });
      return;
    }
    const { productId, minAgeYears = null, maxAgeYears = null } = entry as Record<string, unknown>;
    if (typeof productId !== 'string' || !UUID.test(productId)) problems.push({ field: `${path}.productId`, message: 'must be a vaccine id' });
    else if (seen.has(productId)) problems.push({ field: `${path}.productId`, message: 'is listed twice' });
    if (!isAge(minAgeYears)) problems.push({ field: `${path}.minAgeYears`, message: 'must be a whole number of years from 0 to 150, or null' });
    if (!isAge(maxAgeYears)) problems.push({ field: `${path}.maxAgeYears`, message: 'must be a whole number of years from 0 to 150, or null' });
    if (isAge(minAgeYears) && isAge(maxAgeYears) && minAgeYears !== null && maxAgeYears !== null && minAgeYears > maxAgeYears) {
      problems.push({ field: `${path}.maxAgeYears`, message: 'must not be below minAgeYears' });
    }
    if (typeof productId === 'string') seen.add(productId);
    if (typeof productId === 'string' && isAge(minAgeYears) && isAge(maxAgeYears)) limits.push({ productId, minAgeYears, maxAgeYears });
  });
  return problems.length > 0 ? { problems } : { limits };
}
