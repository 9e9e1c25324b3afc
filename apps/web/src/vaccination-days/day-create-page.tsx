import type { Lot, Site, VaccinationDaySeries } from '@vaccinate/api-contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { Link } from '../shared/routing/router';
import { useNavigate } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { createDay, createDaySeries, listLots, listSites, listVaccines } from '../staff/catalogue-api';
import { QueryState } from '../shared/query-state';
import { useFormSubmit } from '../shared/use-form-submit';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { SelectField } from '../shared/ui/select-field';
import { TextField } from '../shared/ui/text-field';
import { CapacityInputs } from './capacity-inputs';
import { SeriesResult } from './series-result';
import { DAY_FIELDS, EMPTY_DAY_FORM, SLOT_MINUTES, parseCapacity, slotCount, validateDayForm, type DayFormValues } from './day-form-values';

export function DayCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('days.createTitle'));
  const choices = useStaffQuery('day-choices', async (api, signal) => {
    const [sites, lots, products] = await Promise.all([listSites(api, signal), listLots(api, signal), listVaccines(api, signal)]);
    return { sites, lots, products };
  });
  return (
    <section className="page" aria-labelledby="day-title">
      <Link className="back-link" to={paths.days}>
        {t('days.backToList')}
      </Link>
      <h1 id="day-title">{t('days.createTitle')}</h1>
      <div className="card">
        <QueryState resource={choices.resource} retry={choices.refresh}>
          {({ sites, lots, products }) => <DayForm sites={sites} lots={lots} productName={(id) => products.find((product) => product.id === id)?.name ?? ''} />}
        </QueryState>
      </div>
    </section>
  );
}

interface DayFormProps {
  sites: readonly Site[];
  lots: readonly Lot[];
  productName: (productId: string) => string;
}

export function DayForm({ sites, lots, productName }: DayFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const api = useApiClient();
  const idPrefix = useId();
  const [values, setValues] = useState<DayFormValues>(EMPTY_DAY_FORM);
  // Weeks between the days of a series (0: a single day) and how many days it has.
  const [everyWeeks, setEveryWeeks] = useState('0');
  const [occurrences, setOccurrences] = useState('6');
  const [series, setSeries] = useState<VaccinationDaySeries | null>(null);
  const form = useFormSubmit(DAY_FIELDS);
  const set = <K extends keyof DayFormValues>(key: K, value: DayFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const setLot = (index: number, row: { lotId: string; doses: string }) =>
    set(
      'lots',
      values.lots.map((current, i) => (i === index ? row : current)),
    );

  const slots = slotCount(values);
  const capacity = parseCapacity(values.capacity);
  const places = capacity ? slots * (capacity.first + capacity.followUp + capacity.booster) : 0;
  const doses = values.lots.reduce((sum, row) => sum + (Number(row.doses) || 0), 0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validateDayForm(values, lots, t);
    void form.run(result.errors, async () => {
      if (!result.input) return;
      if (everyWeeks !== '0') {
        const { date, ...day } = result.input;
        setSeries(await createDaySeries(api, { day, firstDate: date, everyWeeks: Number(everyWeeks), occurrences: Math.min(26, Math.max(1, Number(occurrences) || 1)) }));
        return;
      }
      const day = await createDay(api, result.input);
      void navigate(paths.day(day.id));
    });
  };

  if (series) return <SeriesResult series={series} />;

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label={t('days.createTitle')}>
      <FormAlert ref={form.alertRef} messages={form.general} />
      <div className="form__grid">
        <SelectField
          label={t('days.site')}
          name="siteId"
          value={values.siteId}
          placeholder={t('common.choose')}
          options={sites.map((site) => ({ value: site.id, label: site.name }))}
          onChange={(event) => set('siteId', event.target.value)}
          error={form.fieldErrors.siteId}
        />
        <TextField
          label={t('days.date')}
          name="date"
          type="date"
          value={values.date}
          onChange={(event) => set('date', event.target.value)}
          error={form.fieldErrors.date}
          required
        />
        <TextField
          label={t('days.opensAt')}
          name="opensAt"
          type="time"
          value={values.opensAt}
          onChange={(event) => set('opensAt', event.target.value)}
          error={form.fieldErrors.opensAt}
          required
        />
        <TextField
          label={t('days.closesAt')}
          name="closesAt"
          type="time"
          value={values.closesAt}
          onChange={(event) => set('closesAt', event.target.value)}
          error={form.fieldErrors.closesAt}
          required
        />
        <TextField
          label={t('days.slotMinutes')}
          name="slotMinutes"
          type="number"
          min={SLOT_MINUTES.min}
          max={SLOT_MINUTES.max}
          inputMode="numeric"
          value={values.slotMinutes}
          onChange={(event) => set('slotMinutes', event.target.value)}
          error={form.fieldErrors.slotMinutes}
          required
        />
      </div>
      <div className="form__grid">
        <SelectField
          label={t('days.series.repeat')}
          name="everyWeeks"
          value={everyWeeks}
          options={[
            { value: '0', label: t('days.series.once') },
            { value: '1', label: t('days.series.weekly') },
            { value: '2', label: t('days.series.fortnightly') },
          ]}
          onChange={(event) => setEveryWeeks(event.target.value)}
        />
        {everyWeeks !== '0' ? (
          <TextField
            label={t('days.series.occurrences')}
            name="occurrences"
            type="number"
            min={1}
            max={26}
            inputMode="numeric"
            value={occurrences}
            onChange={(event) => setOccurrences(event.target.value)}
          />
        ) : null}
      </div>
      <CapacityInputs
        values={values.capacity}
        onChange={(capacity) => set('capacity', capacity)}
        error={form.fieldErrors.capacityPerSlot}
        errorId={`${idPrefix}-capacity`}
      />
      <fieldset className={form.fieldErrors.lots ? 'fieldset field--invalid' : 'fieldset'}>
        <legend className="field__label">{t('days.lots')}</legend>
        <p className="field__hint">{t('days.lotsHint')}</p>
        {values.lots.map((row, index) => (
          <div key={index} className="lot-row">
            <SelectField
              label={t('days.lot', { number: index + 1 })}
              name={`lot-${index}`}
              value={row.lotId}
              placeholder={t('common.choose')}
              options={lots.map((lot) => ({
                value: lot.id,
                label: `${lot.lotNumber} · ${productName(lot.productId)} · ${t('days.lotFree', { count: lot.dosesReceived - lot.dosesAssigned - lot.dosesWasted })}`,
              }))}
              onChange={(event) => setLot(index, { ...row, lotId: event.target.value })}
            />
            <TextField
              label={t('days.lotDoses', { number: index + 1 })}
              name={`lot-doses-${index}`}
              type="number"
              min={1}
              inputMode="numeric"
              value={row.doses}
              onChange={(event) => setLot(index, { ...row, doses: event.target.value })}
            />
            {values.lots.length > 1 ? (
              <button
                type="button"
                className="button button--ghost"
                onClick={() =>
                  set(
                    'lots',
                    values.lots.filter((_, i) => i !== index),
                  )
                }
              >
                {t('days.removeLot', { number: index + 1 })}
              </button>
            ) : null}
          </div>
        ))}
        <button type="button" className="button button--secondary" onClick={() => set('lots', [...values.lots, { lotId: '', doses: '' }])}>
          {t('days.addLot')}
        </button>
        {form.fieldErrors.lots ? <p className="field__error">{form.fieldErrors.lots}</p> : null}
      </fieldset>
      <p className="field__hint" aria-live="polite">
        {t('days.preview', { slots, places, doses })}
      </p>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.submitting}>
          {form.submitting ? t('common.saving') : t('days.create')}
        </button>
      </div>
    </form>
  );
}
