import { INJECTION_ROUTES, INJECTION_SITES, type Lot, type Vaccination } from '@vaccinate/api-contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../shared/api/api-error';
import { useApiClient } from '../shared/api/api-context';
import { listLots } from '../staff/catalogue-api';
import { useFormSubmit } from '../shared/use-form-submit';
import { useStaffQuery } from '../shared/use-staff-query';
import { FormAlert } from '../shared/ui/form-alert';
import { SelectField } from '../shared/ui/select-field';
import { TextAreaField } from '../shared/ui/text-area-field';
import { TextField } from '../shared/ui/text-field';
import { formatBirthDate as formatDate } from './birth-date-format.util';
import { DOSE_CORRECTION_FIELDS, correctionFrom, correctionValuesFrom, validateCorrection, type DoseCorrectionField } from './dose-correction-values';
import { correctVaccination } from './person-history-api';

interface DoseCorrectionFormProps {
  vaccination: Vaccination;
  onCorrected: (corrected: Vaccination) => void;
  /** Someone corrected the dose meanwhile: the history must be read again. */
  onNotCurrent: () => void;
  onCancel: () => void;
}

/** Thrown inside the submit when only the reason was filled in; said in the form's alert. */
const NOTHING_CHANGED = new Error('nothing changed');

/** A doctor's correction of one documented dose; the record it replaces stays in the history. */
export function DoseCorrectionForm({ vaccination, onCorrected, onNotCurrent, onCancel }: DoseCorrectionFormProps) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const titleId = useId();
  const lots = useStaffQuery('lots', listLots);
  const [values, setValues] = useState(() => correctionValuesFrom(vaccination));
  const form = useFormSubmit(DOSE_CORRECTION_FIELDS);
  const set = (field: DoseCorrectionField, value: string) => setValues((current) => ({ ...current, [field]: value }));

  const lotOptions = (available: Lot[]) => {
    const sameProduct = available.filter((lot) => lot.productId === vaccination.productId);
    const options = sameProduct.map((lot) => ({
      value: lot.id,
      label: t('doseCorrection.lotOption', { lot: lot.lotNumber, expiry: formatDate(lot.expiryDate, i18n.language) }),
    }));
    // The documented lot stays choosable even when it is no longer listed (used up, say).
    return options.some((option) => option.value === vaccination.lotId) ? options : [{ value: vaccination.lotId, label: vaccination.lotNumber }, ...options];
  };

  const describe = (error: unknown) => {
    if (error === NOTHING_CHANGED) return t('doseCorrection.nothingChanged');
    if (!(error instanceof ApiProblemError) || !error.code.startsWith('vaccination.')) return undefined;
    if (error.code === 'vaccination.not_current') {
      onNotCurrent();
      return undefined;
    }
    return t(`doseCorrection.problems.${error.code.slice('vaccination.'.length)}`, { defaultValue: '' }) || undefined;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.run(
      validateCorrection(values, t),
      async () => {
        const correction = correctionFrom(vaccination, values);
        if (!correction) throw NOTHING_CHANGED;
        onCorrected(await correctVaccination(api, vaccination.id, correction));
      },
      describe,
    );
  };

  return (
    <form ref={form.formRef} className="form card" noValidate onSubmit={submit} aria-labelledby={titleId}>
      <h4 id={titleId}>{t('doseCorrection.title', { number: vaccination.doseNumber, product: vaccination.productName })}</h4>
      <p className="field__hint">{t('doseCorrection.intro')}</p>
      <FormAlert ref={form.alertRef} messages={form.general} />
      <div className="form__grid">
        <SelectField
          label={t('doseCorrection.lot')}
          name="lotId"
          value={values.lotId}
          onChange={(event) => set('lotId', event.target.value)}
          error={form.fieldErrors.lotId}
          options={lots.resource.status === 'loaded' ? lotOptions(lots.resource.data) : lotOptions([])}
        />
        <TextField
          label={t('doseCorrection.doseNumber')}
          name="doseNumber"
          type="number"
          inputMode="numeric"
          min={1}
          max={20}
          value={values.doseNumber}
          onChange={(event) => set('doseNumber', event.target.value)}
          error={form.fieldErrors.doseNumber}
          required
        />
        <SelectField
          label={t('doseCorrection.injectionSite')}
          name="injectionSite"
          value={values.injectionSite}
          onChange={(event) => set('injectionSite', event.target.value)}
          error={form.fieldErrors.injectionSite}
          options={INJECTION_SITES.map((site) => ({ value: site, label: t(`personHistory.injectionSites.${site}`) }))}
        />
        <SelectField
          label={t('doseCorrection.route')}
          name="route"
          value={values.route}
          onChange={(event) => set('route', event.target.value)}
          error={form.fieldErrors.route}
          options={INJECTION_ROUTES.map((route) => ({ value: route, label: t(`personHistory.routes.${route}`) }))}
        />
        <TextField
          label={t('doseCorrection.administeredAt')}
          hint={t('doseCorrection.administeredAtHint')}
          name="administeredAt"
          type="datetime-local"
          value={values.administeredAt}
          onChange={(event) => set('administeredAt', event.target.value)}
          error={form.fieldErrors.administeredAt}
          required
        />
      </div>
      <TextAreaField
        label={t('dayAdmin.reason')}
        name="reason"
        value={values.reason}
        onChange={(event) => set('reason', event.target.value)}
        error={form.fieldErrors.reason}
        required
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.submitting}>
          {form.submitting ? t('common.saving') : t('doseCorrection.submit')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
