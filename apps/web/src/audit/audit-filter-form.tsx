import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../shared/use-form-submit';
import { FormAlert } from '../shared/ui/form-alert';
import { TextField } from '../shared/ui/text-field';
import { AUDIT_FILTER_FIELDS, EMPTY_AUDIT_FILTERS, validateAuditFilters, type AuditFilterField, type AuditFilterValues } from './audit-filter-values';

const INPUTS: Record<AuditFilterField, { type: string; hint?: string }> = {
  from: { type: 'date' },
  to: { type: 'date' },
  person: { type: 'search', hint: 'auditLog.personHint' },
  staff: { type: 'search', hint: 'auditLog.staffHint' },
  subjectId: { type: 'text', hint: 'auditLog.subjectIdHint' },
  actor: { type: 'text', hint: 'auditLog.actorHint' },
  action: { type: 'text', hint: 'auditLog.actionHint' },
};

/** The filters are applied on submit only, so typing an id does not fire a request per key. */
export function AuditFilterForm({ onApply }: { onApply: (values: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<AuditFilterValues>(EMPTY_AUDIT_FILTERS);
  const form = useFormSubmit(AUDIT_FILTER_FIELDS);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.run(validateAuditFilters(values, t), async () => onApply(values));
  };
  const reset = () => {
    setValues(EMPTY_AUDIT_FILTERS);
    void form.run({}, async () => onApply(EMPTY_AUDIT_FILTERS));
  };

  return (
    <form ref={form.formRef} className="form card" noValidate onSubmit={submit} aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title">{t('auditLog.filters')}</h2>
      <FormAlert ref={form.alertRef} messages={form.general} />
      <div className="audit-filters">
        {AUDIT_FILTER_FIELDS.map((field) => {
          const { type, hint } = INPUTS[field];
          return (
            <TextField
              key={field}
              label={t(`auditLog.${field}`)}
              hint={hint ? t(hint) : undefined}
              name={field}
              type={type}
              autoComplete="off"
              spellCheck={false}
              value={values[field]}
              onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
              error={form.fieldErrors[field]}
            />
          );
        })}
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t('auditLog.apply')}
        </button>
        <button type="button" className="button button--ghost" onClick={reset}>
          {t('auditLog.reset')}
        </button>
      </div>
    </form>
  );
}
