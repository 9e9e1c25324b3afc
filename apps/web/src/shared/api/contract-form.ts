import type { Contract, FieldProblem } from '@vaccinate/api-contracts';
import type { TFunction } from 'i18next';
import { tenantPhoneRegion } from '../../tenant/phone-region';
import { describeFieldProblem } from './error-message';
import type { FieldErrors } from './field-errors';

/** A problem in the reader's language; an empty input is "fill in this field" whatever format it lacks. */
export function problemText(problem: FieldProblem, t: TFunction, value?: unknown): string {
  return describeFieldProblem(problem, t, undefined, value);
}

/**
 * A form's own sentence for an input whose value breaks a rule of the contract ("enter a time such as
 * 08:00" rather than "check the format"); an empty input still reads "fill in this field". A
 * function decides for every problem of its input and reads which part broke (`lots.2.doses`).
 */
export type FieldWording<F extends string> = Partial<Record<F, string | ((problem: FieldProblem) => string)>>;

/**
 * Checks a request with the same contract the API checks it with, before it is sent, and places each
 * problem under the form's input for that field (`prefix` + input name, e.g. `person.email`).
 */
export function contractFieldErrors<F extends string>(
  contract: Contract,
  request: unknown,
  fields: readonly F[],
  prefix: string,
  t: TFunction,
  wording: FieldWording<F> = {},
): FieldErrors<F> {
  // The contract trims in place; the form keeps what the person typed.
  const result = contract.validate(structuredClone(request), { phoneRegion: tenantPhoneRegion() });
  const errors: FieldErrors<F> = {};
  if (result.ok) return errors;
  for (const problem of result.problems) {
    const path = problem.field.startsWith(prefix) ? problem.field.slice(prefix.length) : null;
    // A problem inside a list or group (`followUpIntervals.0.minDays`) goes under the input for the whole.
    const name = path === null ? null : [path, path.split('.')[0]].find((candidate) => (fields as readonly string[]).includes(candidate ?? ''));
    if (!name) continue;
    const value = valueAt(request, problem.field);
    const own: string | ((problem: FieldProblem) => string) | undefined = wording[name as F];
    const empty = problem.rule === 'required' || (typeof value === 'string' && value.trim() === '');
    errors[name as F] ??= typeof own === 'function' ? own(problem) : own !== undefined && !empty ? own : problemText(problem, t, value);
  }
  return errors;
}

function valueAt(request: unknown, field: string): unknown {
  return field.split('.').reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), request);
}

/**
 * The check every form runs before it sends: the request's contract, each problem under its input
 * in the reader's language (in the form's `wording` where it has its own), then `more` (what a
 * schema cannot say: a date in the past, a schedule out of order) for the inputs the contract found
 * fine. The API checks the same contract again.
 */
export function checkForm<F extends string>(
  contract: Contract,
  request: unknown,
  fields: readonly F[],
  t: TFunction,
  more: FieldErrors<F> = {},
  prefix = '',
  wording: FieldWording<F> = {},
): FieldErrors<F> {
  const errors = contractFieldErrors(contract, request, fields, prefix, t, wording);
  for (const field of fields) if (more[field] !== undefined) errors[field] ??= more[field];
  return errors;
}
