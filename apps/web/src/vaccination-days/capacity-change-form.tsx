import { DOSE_KINDS, type DoseKind, type VaccinationDay } from '@vaccinate/api-contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiProblemError } from '../shared/api/api-error';
import { describeError } from '../shared/api/error-message';
import { useApiClient } from '../shared/api/api-context';
import { changeDay } from '../staff/catalogue-api';
import { staleVersionMessage, useFormSubmit } from '../shared/use-form-submit';
import { FormAlert } from '../shared/ui/form-alert';
import { CapacityInputs } from './capacity-inputs';
import { validateCapacityChange } from './day-form-values';

/** The capacity every slot has now: the day's slots share one setting when it was created. */
function currentCapacity(day: VaccinationDay): Record<DoseKind, string> {
  const first = day.slots[0]?.capacity;
  return Object.fromEntries(DOSE_KINDS.map((kind) => [kind, String(first?.[kind] ?? 0)])) as Record<DoseKind, string>;
}

/** Lowering below what is booked is refused by the API; its code is worded in the reader's language. */
function describeChangeProblem(error: unknown, stale: string, t: TFunction): string | undefined {
  if (error instanceof ApiProblemError && error.code === 'day.capacity_below_booked') return describeError(error, t);
  return staleVersionMessage(error, stale);
}

export function CapacityChangeForm({ day, onChanged }: { day: VaccinationDay; onChanged: (day: VaccinationDay) => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const errorId = useId();
  const [capacity, setCapacity] = useState(() => currentCapacity(day));
  const form = useFormSubmit(['capacityPerSlot'] as const);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { errors, change } = validateCapacityChange(capacity, day.version, t);
    void form.run(
      errors,
      async () => {
        if (change) onChanged(await changeDay(api, day.id, change));
      },
      (error) => describeChangeProblem(error, t('common.staleVersion'), t),
    );
  };

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label={t('days.changeCapacity')}>
      <FormAlert ref={form.alertRef} messages={form.general} />
      <CapacityInputs values={capacity} onChange={setCapacity} error={form.fieldErrors.capacityPerSlot} errorId={errorId} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.submitting}>
          {form.submitting ? t('common.saving') : t('days.changeCapacity')}
        </button>
      </div>
    </form>
  );
}
