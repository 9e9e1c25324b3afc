import type { VaccineProductInput } from '@vaccinate/api-contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../shared/use-form-submit';
import { FormAlert } from '../shared/ui/form-alert';
import { TextField } from '../shared/ui/text-field';
import { intervalRowsFor, vaccineInputFromValues, vaccineValues, validateVaccine, VACCINE_FIELDS, type IntervalValues, type VaccineValues } from './vaccine-form-values';

interface VaccineFormProps {
  initial?: VaccineProductInput | undefined;
  submitLabel: string;
  onSubmit: (input: VaccineProductInput) => Promise<void>;
  describeProblem?: (error: unknown) => string | undefined;
}

type TextKey = Exclude<keyof VaccineValues, 'intervals' | 'active'>;
const TEXT_FIELDS: Array<{ key: TextKey; numeric?: boolean; optional?: boolean; hint?: boolean }> = [
  { key: 'name' },
  { key: 'manufacturer' },
  { key: 'euProductCode', hint: true },
  { key: 'marketingAuthorisationHolder', optional: true },
  { key: 'prophylaxisCode', optional: true },
  { key: 'minAgeYears', numeric: true },
  { key: 'maxAgeYears', numeric: true, optional: true },
  { key: 'primaryDoses', numeric: true },
  { key: 'boosterMinDaysAfterSeries', numeric: true, optional: true, hint: true },
];

export function VaccineForm({ initial, submitLabel, onSubmit, describeProblem }: VaccineFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => vaccineValues(initial));
  const form = useFormSubmit(VACCINE_FIELDS);
  const rows = intervalRowsFor(values);

  const setInterval = (index: number, key: keyof IntervalValues, value: string) =>
    setValues((current) => {
      const intervals = intervalRowsFor(current).map((row, i) => (i === index ? { ...row, [key]: value } : row));
      return { ...current, intervals };
    });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = vaccineInputFromValues(values);
    void form.run(validateVaccine(input, t), () => onSubmit(input), describeProblem);
  };

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert ref={form.alertRef} messages={form.general} />
      <div className="form__grid">
        {TEXT_FIELDS.map(({ key, numeric, optional, hint }) => (
          <TextField
            key={key}
            label={t(`vaccines.${key}`)}
            optionalLabel={optional ? t('common.optional') : undefined}
            hint={hint ? t(`vaccines.${key}Hint`) : undefined}
            name={key}
            type={numeric ? 'number' : 'text'}
            {...(numeric ? { min: 0, inputMode: 'numeric' as const } : {})}
            value={values[key]}
            onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))}
            error={form.fieldErrors[key]}
            required={!optional}
          />
        ))}
      </div>
      {rows.length > 0 ? (
        <fieldset className="fieldset">
          <legend className="field__label">{t('vaccines.intervals')}</legend>
          <p className="field__hint">{t('vaccines.intervalsHint')}</p>
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('vaccines.dose')}</th>
                <th scope="col">{t('vaccines.minDays')}</th>
                <th scope="col">{t('vaccines.recommendedDays')}</th>
                <th scope="col">{t('vaccines.maxDays')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index}>
                  <th scope="row">{index + 2}</th>
                  {(['minDays', 'recommendedDays', 'maxDays'] as const).map((key) => (
                    <td key={key}>
                      <input
                        className="field__input"
                        type="number"
                        min={1}
                        inputMode="numeric"
                        aria-label={t('vaccines.intervalCell', { dose: index + 2, column: t(`vaccines.${key}`) })}
                        aria-invalid={form.fieldErrors.followUpIntervals ? true : undefined}
                        value={row[key]}
                        onChange={(event) => setInterval(index, key, event.target.value)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {form.fieldErrors.followUpIntervals ? <p className="field__error">{form.fieldErrors.followUpIntervals}</p> : null}
        </fieldset>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" checked={values.active} onChange={(event) => setValues((current) => ({ ...current, active: event.target.checked }))} />
        <span>{t('vaccines.active')}</span>
      </label>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.submitting}>
          {form.submitting ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
