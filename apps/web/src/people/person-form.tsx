import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../shared/api/api-error';
import { describeError } from '../shared/api/error-message';
import { splitFieldProblems, type FieldErrors } from '../shared/api/field-errors';
import { FormAlert } from '../shared/ui/form-alert';
import { TextAreaField } from '../shared/ui/text-area-field';
import { TextField } from '../shared/ui/text-field';
import { validateReason } from '../staff/correction-reason';
import { useFormFailure } from '../shared/ui/use-form-failure';
import { PERSON_FIELDS, validatePersonForm, type PersonField, type PersonFormValues } from './person-form-values';

interface PersonFormProps {
  initialValues: PersonFormValues;
  submitLabel: string;
  /** Throws what the API answered; the form shows it. `reason` is empty unless `askReason`. */
  onSubmit: (values: PersonFormValues, reason: string) => Promise<void>;
  /** Editing is a correction: the earlier version is kept with the reason asked for here. */
  askReason?: boolean;
  /** Extra buttons next to submit, such as Cancel. */
  secondaryActions?: ReactNode;
  /** A problem the page wants shown in this form's alert (a 409 with a reload action, say). */
  describeProblem?: (error: unknown) => { message: string; action?: ReactNode } | undefined;
}

const INPUT_PROPS: Record<PersonField, { type: string; autoComplete: string; optional?: boolean }> = {
  givenName: { type: 'text', autoComplete: 'off' },
  familyName: { type: 'text', autoComplete: 'off' },
  email: { type: 'email', autoComplete: 'off' },
  birthDate: { type: 'date', autoComplete: 'off' },
  phone: { type: 'tel', autoComplete: 'off', optional: true },
  employeeNumber: { type: 'text', autoComplete: 'off', optional: true },
};

/** Create and edit share this form; staff type other people's data, so browser autofill is off. */
// A little over the API's limit, so an over-long paste is said rather than silently cut.
const MAX_REASON_INPUT = 600;
const FIELDS_WITH_REASON = [...PERSON_FIELDS, 'reason'] as const;
type FormField = PersonField | 'reason';

export function PersonForm({ initialValues, submitLabel, onSubmit, secondaryActions, describeProblem, askReason = false }: PersonFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initialValues);
  const [reason, setReason] = useState('');
  const failure = useFormFailure<FormField, { messages: string[]; action?: ReactNode }>({ messages: [] });
  const { fieldErrors, general, formRef, alertRef } = failure;
  const [submitting, setSubmitting] = useState(false);

  const fail = (fields: FieldErrors<FormField>, messages: string[], action?: ReactNode) => failure.fail(fields, action ? { messages, action } : { messages });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local: FieldErrors<FormField> = validatePersonForm(values, t, initialValues);
    const reasonError = askReason ? validateReason(reason, t) : undefined;
    if (reasonError) local.reason = reasonError;
    if (Object.keys(local).length > 0) return fail(local, [t('validation.summary')]);
    setSubmitting(true);
    try {
      await onSubmit(values, reason.trim());
      failure.clear();
    } catch (error) {
      const custom = describeProblem?.(error);
      if (custom) fail({}, [custom.message], custom.action);
      else if (error instanceof ApiProblemError && error.fieldProblems.length > 0) {
        const { byField, other } = splitFieldProblems(error, FIELDS_WITH_REASON, t);
        fail(byField, Object.keys(byField).length > 0 ? [t('validation.summary'), ...other] : other);
      } else fail({}, [describeError(error, t)]);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert ref={alertRef} messages={general.messages} action={general.action} />
      <div className="form__grid">
        {PERSON_FIELDS.map((field) => {
          const { type, autoComplete, optional } = INPUT_PROPS[field];
          return (
            <TextField
              key={field}
              label={t(`person.${field}`)}
              optionalLabel={optional ? t('common.optional') : undefined}
              name={field}
              type={type}
              autoComplete={autoComplete}
              value={values[field]}
              onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
              error={fieldErrors[field]}
              required={!optional}
              {...(type === 'email' ? { inputMode: 'email' as const } : {})}
            />
          );
        })}
      </div>
      {askReason ? (
        <TextAreaField
          label={t('dayAdmin.reason')}
          hint={t('dayAdmin.reasonHint')}
          name="reason"
          value={reason}
          maxLength={MAX_REASON_INPUT}
          onChange={(event) => setReason(event.target.value)}
          error={fieldErrors.reason}
          required
        />
      ) : null}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t('common.saving') : submitLabel}
        </button>
        {secondaryActions}
      </div>
    </form>
  );
}
