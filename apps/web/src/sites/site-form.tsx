import type { SiteInput } from '@vaccinate/api-contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../shared/api/field-errors';
import { useFormSubmit } from '../shared/use-form-submit';
import { FormAlert } from '../shared/ui/form-alert';
import { TextField } from '../shared/ui/text-field';

const FIELDS = ['name', 'street', 'postalCode', 'city', 'openingHours', 'stations'] as const;
type SiteField = (typeof FIELDS)[number];
type SiteValues = Record<SiteField, string>;

export function siteValues(site?: SiteInput): SiteValues {
  return {
    name: site?.name ?? '',
    street: site?.street ?? '',
    postalCode: site?.postalCode ?? '',
    city: site?.city ?? '',
    openingHours: site?.openingHours ?? '',
    stations: site ? String(site.stations) : '1',
  };
}

interface SiteFormProps {
  initial?: SiteInput | undefined;
  submitLabel: string;
  onSubmit: (input: SiteInput) => Promise<void>;
  describeProblem?: (error: unknown) => string | undefined;
  secondaryActions?: ReactNode;
}

export function SiteForm({ initial, submitLabel, onSubmit, describeProblem, secondaryActions }: SiteFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => siteValues(initial));
  const form = useFormSubmit(FIELDS);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local: FieldErrors<SiteField> = {};
    for (const field of ['name', 'street', 'postalCode', 'city'] as const) if (!values[field].trim()) local[field] = t('validation.required');
    const stations = Number(values.stations);
    if (!Number.isInteger(stations) || stations < 1) local.stations = t('validation.wholeNumberMin', { min: 1 });
    const input: SiteInput = {
      name: values.name.trim(),
      street: values.street.trim(),
      postalCode: values.postalCode.trim(),
      city: values.city.trim(),
      openingHours: values.openingHours.trim(),
      stations,
    };
    void form.run(local, () => onSubmit(input), describeProblem);
  };

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert ref={form.alertRef} messages={form.general} />
      <div className="form__grid">
        {FIELDS.map((field) => (
          <TextField
            key={field}
            label={t(`sites.${field}`)}
            name={field}
            type={field === 'stations' ? 'number' : 'text'}
            {...(field === 'stations' ? { min: 1, inputMode: 'numeric' as const } : {})}
            hint={field === 'openingHours' ? t('sites.openingHoursHint') : field === 'stations' ? t('sites.stationsHint') : undefined}
            value={values[field]}
            onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
            error={form.fieldErrors[field]}
            required={field !== 'openingHours'}
          />
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.submitting}>
          {form.submitting ? t('common.saving') : submitLabel}
        </button>
        {secondaryActions}
      </div>
    </form>
  );
}
