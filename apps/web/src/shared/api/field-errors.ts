import type { TFunction } from 'i18next';
import type { ApiProblemError } from './api-error';
import { describeFieldProblem } from './error-message';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Splits the API's field problems into those a form shows next to an input and the rest, which go
 * to the form's general alert. `body.email` and `email` both name the `email` input. Each is worded
 * by `describeFieldProblem`: the refusal's code, else the rule, never the API's English message.
 */
export function splitFieldProblems<F extends string>(error: ApiProblemError, fields: readonly F[], t: TFunction): { byField: FieldErrors<F>; other: string[] } {
  const byField: FieldErrors<F> = {};
  const other: string[] = [];
  for (const problem of error.fieldProblems) {
    const { field } = problem;
    const text = describeFieldProblem(problem, t, error.code);
    const name = field.replace(/^body\./, '') as F;
    if (!fields.includes(name)) other.push(text);
    else byField[name] = byField[name] ? `${byField[name]} ${text}` : text;
  }
  return { byField, other };
}
