import { VaccinationCorrection, type InjectionRoute, type InjectionSite, type Vaccination } from '@vaccinate/api-contracts';
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../shared/api/field-errors';
import { checkForm } from '../shared/api/contract-form';

export const DOSE_CORRECTION_FIELDS = ['lotId', 'doseNumber', 'injectionSite', 'route', 'administeredAt', 'reason'] as const;
export type DoseCorrectionField = (typeof DOSE_CORRECTION_FIELDS)[number];
export type DoseCorrectionValues = Record<DoseCorrectionField, string>;

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as a datetime-local value in this browser's zone (staff correct on site, in its zone). */
export function toLocalInput(isoDateTime: string): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function correctionValuesFrom(vaccination: Vaccination): DoseCorrectionValues {
  return {
    lotId: vaccination.lotId,
    doseNumber: String(vaccination.doseNumber),
    injectionSite: vaccination.injectionSite,
    route: vaccination.route,
    administeredAt: toLocalInput(vaccination.administeredAt),
    reason: '',
  };
}

/** Every field as the correction would send it, checked with the API's contract. */
export function validateCorrection(values: DoseCorrectionValues, t: TFunction): FieldErrors<DoseCorrectionField> {
  const administeredAt = new Date(values.administeredAt);
  return checkForm(
    VaccinationCorrection,
    {
      lotId: values.lotId,
      doseNumber: values.doseNumber.trim() === '' ? Number.NaN : Number(values.doseNumber),
      injectionSite: values.injectionSite,
      route: values.route,
      administeredAt: Number.isNaN(administeredAt.getTime()) ? values.administeredAt : administeredAt.toISOString(),
      reason: values.reason.trim(),
    },
    DOSE_CORRECTION_FIELDS,
    t,
  );
}

/** Only the fields that differ from the record, with the reason; null when nothing but the reason changed. */
export function correctionFrom(vaccination: Vaccination, values: DoseCorrectionValues): VaccinationCorrection | null {
  const before = correctionValuesFrom(vaccination);
  const correction: VaccinationCorrection = { reason: values.reason.trim() };
  if (values.lotId !== before.lotId) correction.lotId = values.lotId;
  if (values.doseNumber !== before.doseNumber) correction.doseNumber = Number(values.doseNumber);
  if (values.injectionSite !== before.injectionSite) correction.injectionSite = values.injectionSite as InjectionSite;
  if (values.route !== before.route) correction.route = values.route as InjectionRoute;
  if (values.administeredAt !== before.administeredAt) correction.administeredAt = new Date(values.administeredAt).toISOString();
  return Object.keys(correction).length > 1 ? correction : null;
}
