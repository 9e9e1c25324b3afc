import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../shared/api/api-error';
import { describeError, isRetryable } from '../shared/api/error-message';
import type { FieldErrors } from '../shared/api/field-errors';
import { FormAlert } from '../shared/ui/form-alert';
import { TextField } from '../shared/ui/text-field';
import { useFormFailure } from '../shared/ui/use-form-failure';
import { detailErrorsFromProblem, DETAIL_FIELDS, type BookingDetails, type DetailField } from './booking-details';
import { classifyBookingError } from './booking-submit';

interface BookingDetailsFormProps {
  values: BookingDetails;
  onChange: (values: BookingDetails) => void;
  validate: (values: BookingDetails) => FieldErrors<DetailField>;
  /** The tenant asks for the employee number (`PublicCatalogue.requireEmployeeNumber`). */
  employeeNumberRequired?: boolean;
  /** Throws what the API answered when the journey does not handle it itself. */
  onSubmit: () => Promise<void>;
}

const INPUTS: Record<DetailField, { type: string; autoComplete: string; optional?: boolean }> = {
  givenName: { type: 'text', autoComplete: 'given-name' },
  familyName: { type: 'text', autoComplete: 'family-name' },
  email: { type: 'email', autoComplete: 'email' },
  birthDate: { type: 'date', autoComplete: 'bday' },
  employeeNumber: { type: 'text', autoComplete: 'off', optional: true },
};

/** The person's own details (autofill on: they type their own data), checked before sending. */
export function BookingDetailsForm({ values, onChange, validate, employeeNumberRequired = false, onSubmit }: BookingDetailsFormProps) {
  const { t } = useTranslation();
  const failure = useFormFailure<DetailField>([]);
  const { fieldErrors, general, formRef, alertRef } = failure;
  const [submitting, setSubmitting] = useState(false);
  // A request without an answer (timed out, lost, 5xx) may be sent again as it was: same key, so never booked twice.
  const [retryable, setRetryable] = useState(false);

  const fail = (fields: FieldErrors<DetailField>, messages: string[], canRetry = false) => {
    failure.fail(fields, messages);
    setRetryable(canRetry);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local = validate(values);
    if (Object.keys(local).length > 0) return fail(local, [t('validation.summary')]);
    void send();
  };

  const send = async () => {
    setSubmitting(true);
    failure.clear();
    setRetryable(false);
    try {
      await onSubmit();
    } catch (error) {
      const refusal = classifyBookingError(error);
      if (isRetryable(error)) {
        fail({}, [describeError(error, t)], true);
      } else if (refusal.kind === 'invalid' && error instanceof ApiProblemError) {
        const { byField, other } = detailErrorsFromProblem(error, t);
        fail(byField, Object.keys(byField).length > 0 ? [t('validation.summary'), ...other] : other);
      } else if (refusal.kind === 'already_booked') {
        fail({}, [t('booking.errors.alreadyBooked')]);
      } else if (refusal.kind === 'not_eligible') {
        fail({}, [t('booking.errors.notEligible')]);
      } else if (refusal.kind === 'rate_limited') {
        fail({}, [t('booking.errors.rateLimited')]);
      } else {
        fail({}, [describeError(error, t)]);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-label={t('booking.details.title')}>
      <FormAlert
        ref={alertRef}
        messages={general}
        action={
          retryable && !submitting ? (
            <button type="button" className="button button--secondary" onClick={() => void send()}>
              {t('booking.details.retry')}
            </button>
          ) : undefined
        }
      />
      <div className="form__grid">
        {DETAIL_FIELDS.map((field) => {
          const { type, autoComplete } = INPUTS[field];
          const optional = INPUTS[field].optional === true && !(field === 'employeeNumber' && employeeNumberRequired);
          return (
            <TextField
              key={field}
              label={t(`booking.details.${field}`)}
              optionalLabel={optional ? t('common.optional') : undefined}
              name={field}
              type={type}
              autoComplete={autoComplete}
              value={values[field]}
              onChange={(event) => onChange({ ...values, [field]: event.target.value })}
              error={fieldErrors[field]}
              required={!optional}
              {...(type === 'email' ? { inputMode: 'email' as const } : {})}
            />
          );
        })}
      </div>
      <p className="field__hint">{t('booking.details.privacy')}</p>
      <button type="submit" className="button button--primary button--block" disabled={submitting}>
        {submitting ? t('booking.details.submitting') : t('booking.details.submit')}
      </button>
    </form>
  );
}
