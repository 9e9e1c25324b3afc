import { useRef, useState } from 'react';
import type { FieldErrors } from '../api/field-errors';
import { useFocusOnError } from './use-focus-on-error';

/**
 * A form's problems, by field and for the whole form (`General`: the alert's content), and the refs
 * that take focus after a failed submit: the first invalid input, else the alert.
 */
export function useFormFailure<Field extends string, General = string[]>(none: General) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Field>>({});
  const [general, setGeneral] = useState<General>(none);
  const [failedAttempts, setFailedAttempts] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusOnError(formRef, alertRef, failedAttempts);
  return {
    fieldErrors,
    general,
    formRef,
    alertRef,
    /** Shows these problems and moves focus to the first one. */
    fail: (fields: FieldErrors<Field>, problem: General) => {
      setFieldErrors(fields);
      setGeneral(problem);
      setFailedAttempts((n) => n + 1);
    },
    /** Clears every problem, e.g. before sending again. */
    clear: () => {
      setFieldErrors({});
      setGeneral(none);
    },
  };
}
