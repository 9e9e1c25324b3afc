import type { TFunction } from 'i18next';
import { ApiNetworkError, ApiProblemError } from './api-error';

/**
 * One sentence for a person, never a stack or a JSON dump. Known problem codes are translated;
 * otherwise the API's own title/detail is used, which the API writes for people.
 */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiNetworkError) return t('errors.network');
  if (!(error instanceof ApiProblemError)) return t('errors.unexpected');
  const { problem } = error;
  const known = t(`problems.${problem.code}`, { defaultValue: '' });
  if (known) return known;
  if (problem.status === 401) return t('errors.unauthorized');
  if (problem.status === 403) return t('errors.forbidden');
  if (problem.status === 404) return t('errors.notFound');
  if (problem.status === 409) return t('errors.conflict');
  if (problem.status === 429) return t('errors.tooManyRequests');
  if (problem.status >= 500) return t('errors.server');
  if (problem.type === 'about:blank' && problem.code.startsWith('http.')) return t('errors.unexpected');
  return problem.detail ?? problem.title;
}

/** Whether trying the same request again later may help. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiNetworkError || (error instanceof ApiProblemError && error.status >= 500);
}
