import { useEffect, type RefObject } from 'react';

/**
 * After a failed submit, moves focus to the first invalid input, or to the general alert, so
 * keyboard and screen-reader users land where the problem is.
 */
export function useFocusOnError(formRef: RefObject<HTMLFormElement | null>, alertRef: RefObject<HTMLElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? alertRef.current)?.focus();
  }, [attempt, formRef, alertRef]);
}
