import type { TFunction } from 'i18next';
import type { ApiProblemError } from './api-error';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** The API writes field messages without their subject ("must be a valid e-mail address"). */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * Splits the API's field problems into those a form shows next to an input and the rest, which go
 * to the form's general alert. `body.email` and `email` both name the `email` input. A domain code
 * with a translation (`person.email_taken`) replaces the API's English message.
 */
export function splitFieldProblems<F extends string>(
  error: ApiProblemError,
  fields: readonly F[],
  t: TFunction,
): { byField: FieldErrors<F>; other: string[] } {
  const translated = t(`problems.${error.code}`, { defaultValue: '' });
  const byField: FieldErrors<F> = {};
  const other: string[] = [];
  for (const { field, message } of error.fieldProblems) {
    const text = translated || sentence(message);
    const name = field.replace(/^body\./, '') as F;
    if (!fields.includes(name)) other.push(text);
    else byField[name] = byField[name] ? `${byField[name]} ${text}` : text;
  }
  return { byField, other };
}
