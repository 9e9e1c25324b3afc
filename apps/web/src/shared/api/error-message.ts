import type { FieldProblem } from '@vaccinate/api-contracts';
import type { TFunction } from 'i18next';
import { phoneTextParams } from '../../tenant/phone-region';
import { ApiNetworkError, ApiProblemError, ApiTimeoutError } from './api-error';

/** Values a page knows that make a code's sentence precise (dates already formatted for the reader). */
export type ProblemParams = Record<string, string | number>;

// A rule's sentence where the code has none; the contracts name the rule each field broke.
const RULE_KEYS: Record<string, string> = {
  required: 'validation.required',
  'format:email': 'validation.email',
  'format:date': 'validation.date',
  'format:date-time': 'validation.date',
  'format:date-or-date-time': 'validation.date',
  'format:birth-date': 'validation.birthDate',
  'format:phone-e164': 'validation.phone',
  pattern: 'validation.pattern',
  length: 'validation.tooLong',
  range: 'validation.range',
  // Forms send text as text; a type problem is a number input that holds no number.
  type: 'validation.number',
};

/**
 * The one translator from an API refusal to words for a person: the problem's `code` (with `params`
 * a page can add) in the reader's language, else a sentence for its HTTP status. The API's own
 * title and detail are English and for developers; they are never shown.
 */
export function describeError(error: unknown, t: TFunction, params: ProblemParams = {}): string {
  if (error instanceof ApiTimeoutError) return t('errors.timeout');
  if (error instanceof ApiNetworkError) return t('errors.network');
  if (!(error instanceof ApiProblemError)) return t('errors.unexpected');
  const { problem } = error;
  const known = t(`problems.${problem.code}`, { ...params, defaultValue: '' });
  if (known) return known;
  if (problem.status === 401) return t('errors.unauthorized');
  if (problem.status === 403) return t('errors.forbidden');
  if (problem.status === 404) return t('errors.notFound');
  if (problem.status === 409) return t('errors.conflict');
  if (problem.status === 429) return t('errors.tooManyRequests');
  if (problem.status >= 500) return t('errors.server');
  if (problem.status === 400 || problem.status === 422) return t('errors.invalid');
  return t('errors.unexpected');
}

/**
 * One field's problem in the reader's language: the refusal's code when it has a sentence (it is
 * about that field), else the broken rule, else "check this field". An empty input is always
 * "fill in this field", whatever format it lacks.
 */
export function describeFieldProblem(problem: FieldProblem, t: TFunction, code?: string, value?: unknown): string {
  if (typeof value === 'string' && value.trim() === '') return t('validation.required');
  const byCode = code ? t(`problems.${code}`, { defaultValue: '' }) : '';
  if (byCode) return byCode;
  const key = problem.rule ? RULE_KEYS[problem.rule] : undefined;
  // A number without its country code is read in the tenant's country: the sentence names it.
  if (key === 'validation.phone') return t(key, phoneTextParams());
  return t(key ?? 'validation.invalid');
}

/** Whether trying the same request again later may help. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiTimeoutError || error instanceof ApiNetworkError || (error instanceof ApiProblemError && error.status >= 500);
}
