import { WASTE_REASONS, type Lot, type WasteReason } from '@vaccinate/api-contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../shared/api/api-error';
import { useApiClient } from '../shared/api/api-context';
import type { FieldErrors } from '../shared/api/field-errors';
import { formatDay } from '../shared/date-format.util';
import { listDays } from '../staff/catalogue-api';
import { useFormSubmit } from '../shared/use-form-submit';
import { useStaffQuery } from '../shared/use-staff-query';
import { FormAlert } from '../shared/ui/form-alert';
import { SelectField } from '../shared/ui/select-field';
import { TextField } from '../shared/ui/text-field';
import { recordLotWaste } from './lot-waste-api';

const FIELDS = ['doses', 'reason', 'dayId'] as const;
type WasteField = (typeof FIELDS)[number];

/** Doses the lot still holds: received minus used minus wasted. */
export function dosesLeft(lot: Lot): number {
  return lot.dosesReceived - lot.dosesUsed - lot.dosesWasted;
}

interface LotWasteFormProps {
  lot: Lot;
  onRecorded: (result: { doses: number; dosesLeft: number }) => void;
  /** The stock moved on meanwhile: the lots are read again. */
  onOutOfStock: () => void;
  onClose: () => void;
}

/** Records discarded doses of one lot with a reason, optionally on one of the days it supplies. */
export function LotWasteForm({ lot, onRecorded, onOutOfStock, onClose }: LotWasteFormProps) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const titleId = useId();
  const days = useStaffQuery('days', listDays);
  const [values, setValues] = useState<Record<WasteField, string>>({ doses: '1', reason: '', dayId: '' });
  const form = useFormSubmit(FIELDS);
  const dosesRef = useRef<HTMLInputElement>(null);
  const left = dosesLeft(lot);
  const set = (field: WasteField, value: string) => setValues((current) => ({ ...current, [field]: value }));
  useEffect(() => dosesRef.current?.focus(), []);

  const dayOptions =
    days.resource.status === 'loaded'
      ? days.resource.data
          .filter((day) => day.lots.some((assigned) => assigned.lotId === lot.id))
          .map((day) => ({ value: day.id, label: formatDay(day.date, i18n.language) }))
      : [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const doses = Number(values.doses);
    const local: FieldErrors<WasteField> = {};
    if (!Number.isInteger(doses) || doses < 1) local.doses = t('validation.wholeNumberMin', { min: 1 });
    else if (doses > left) local.doses = t('lotWaste.tooMany', { count: left });
    if (!values.reason) local.reason = t('validation.required');
    void form.run(
      local,
      async () => {
        const result = await recordLotWaste(api, lot.id, {
          doses,
          reason: values.reason as WasteReason,
          ...(values.dayId ? { dayId: values.dayId } : {}),
        });
        onRecorded({ doses, dosesLeft: result.dosesLeft });
      },
      (error) => {
        if (!(error instanceof ApiProblemError) || error.code !== 'vaccination.out_of_stock') return undefined;
        onOutOfStock();
        return t('lotWaste.outOfStock');
      },
    );
  };

  return (
    <form ref={form.formRef} className="form card" noValidate onSubmit={submit} aria-labelledby={titleId}>
      <h2 id={titleId}>{t('lotWaste.formTitle', { lot: lot.lotNumber })}</h2>
      <p className="lot-waste__left">{t('lotWaste.dosesLeftNow', { count: left })}</p>
      <FormAlert ref={form.alertRef} messages={form.general} />
      <div className="form__grid">
        <TextField
          ref={dosesRef}
          label={t('lotWaste.doses')}
          name="doses"
          type="number"
          inputMode="numeric"
          min={1}
          max={left}
          value={values.doses}
          onChange={(event) => set('doses', event.target.value)}
          error={form.fieldErrors.doses}
          required
        />
        <SelectField
          label={t('lotWaste.reason')}
          name="reason"
          value={values.reason}
          placeholder={t('common.choose')}
          onChange={(event) => set('reason', event.target.value)}
          error={form.fieldErrors.reason}
          options={WASTE_REASONS.map((reason) => ({ value: reason, label: t(`lotWaste.reasons.${reason}`) }))}
          required
        />
        <SelectField
          label={t('lotWaste.day')}
          name="dayId"
          value={values.dayId}
          placeholder={t('lotWaste.noDay')}
          onChange={(event) => set('dayId', event.target.value)}
          error={form.fieldErrors.dayId}
          options={dayOptions}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.submitting}>
          {form.submitting ? t('common.saving') : t('lotWaste.submit')}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('lotWaste.close')}
        </button>
      </div>
    </form>
  );
}
