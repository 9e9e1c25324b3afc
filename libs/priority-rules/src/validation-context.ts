import type { PriorityRulesProblem } from './priority-rules';

export interface ValidationContext {
  problems: PriorityRulesProblem[];
  /** Conditions read so far across the whole document, for the size limit. */
  conditions: number;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function fieldPath(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}.${key}`;
}

/** Reports every key outside `allowed`; returns whether there were none. */
export function refuseUnknownKeys(record: Record<string, unknown>, allowed: readonly string[], path: string, context: ValidationContext): boolean {
  const unknown = Object.keys(record).filter((key) => !allowed.includes(key));
  for (const key of unknown) {
    context.problems.push({ field: fieldPath(path, key), message: `is not a known field (expected ${allowed.join(', ')})` });
  }
  return unknown.length === 0;
}

// Ids, occupations and question keys end up in URLs, CSV columns and form names: keep them slugs.
const KEY_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

export function keyProblem(value: unknown, maxLength: number): string | null {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length === 0 || value.length > maxLength) return `must be 1 to ${maxLength} characters long`;
  if (!KEY_PATTERN.test(value)) return 'must use lower-case letters, digits and single - or _ between them';
  return null;
}

export function isWholeNumberBetween(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
