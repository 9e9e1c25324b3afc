import type { FieldProblem } from '@vaccinate/api-contracts';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Splits the API's field problems into those a form shows next to an input and the rest, which go
 * to the form's general alert. `body.email` and `email` both name the `email` input.
 */
export function splitFieldProblems<F extends string>(
  problems: FieldProblem[],
  fields: readonly F[],
): { byField: FieldErrors<F>; other: string[] } {
  const byField: FieldErrors<F> = {};
  const other: string[] = [];
  for (const { field, message } of problems) {
    const name = field.replace(/^body\./, '') as F;
    if (fields.includes(name)) byField[name] = byField[name] ? `${byField[name]} ${message}` : message;
    else other.push(message);
  }
  return { byField, other };
}
