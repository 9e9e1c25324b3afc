import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from './api/api-error';
import { describeError } from './api/error-message';
import { splitFieldProblems, type FieldErrors } from './api/field-errors';
import { useFormFailure } from './ui/use-form-failure';

/**
 * The submit cycle every staff form shares: local checks, the request, the API's field problems
 * under their inputs and everything else in the form's alert, focus on the first problem.
 */
export function useFormSubmit<F extends string>(fields: readonly F[]) {
  const { t } = useTranslation();
  const { fieldErrors, general, formRef, alertRef, fail, clear } = useFormFailure<F>([]);
  const [submitting, setSubmitting] = useState(false);

  /** `describe` may give a page-specific sentence for a problem (a 409 with its detail, say). */
  const run = async (local: FieldErrors<F>, action: () => Promise<void>, describe?: (error: unknown) => string | undefined) => {
    if (Object.keys(local).length > 0) return fail(local, [t('validation.summary')]);
    setSubmitting(true);
    try {
      await action();
      clear();
    } catch (error) {
      const custom = describe?.(error);
      if (custom) fail({}, [custom]);
      else if (error instanceof ApiProblemError && error.fieldProblems.length > 0) {
        const { byField, other } = splitFieldProblems(error, fields, t);
        fail(byField, Object.keys(byField).length > 0 ? [t('validation.summary'), ...other] : other);
      } else fail({}, [describeError(error, t)]);
    } finally {
      setSubmitting(false);
    }
  };

  return { fieldErrors, general, submitting, formRef, alertRef, run };
}

/** The API's sentence for a version conflict: someone saved in the meantime. */
export function staleVersionMessage(error: unknown, message: string): string | undefined {
  return error instanceof ApiProblemError && error.status === 409 && error.code.endsWith('version_conflict') ? message : undefined;
}
