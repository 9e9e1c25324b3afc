import { VaccineProductInput } from '@vaccinate/api-contracts';
import { scheduleProblems } from '@vaccinate/dose-schedule';
import type { TFunction } from 'i18next';
import { checkForm } from '../shared/api/contract-form';
import type { FieldErrors } from '../shared/api/field-errors';

export const VACCINE_FIELDS = [
  'name',
  'manufacturer',
  'euProductCode',
  'marketingAuthorisationHolder',
  'prophylaxisCode',
  'primaryDoses',
  'boosterMinDaysAfterSeries',
  'minAgeYears',
  'maxAgeYears',
  'followUpIntervals',
] as const;
export type VaccineField = (typeof VACCINE_FIELDS)[number];

export interface IntervalValues {
  minDays: string;
  recommendedDays: string;
  maxDays: string;
}

export interface VaccineValues {
  name: string;
  manufacturer: string;
  euProductCode: string;
  marketingAuthorisationHolder: string;
  prophylaxisCode: string;
  primaryDoses: string;
  /** Index 0 is dose 2. */
  intervals: IntervalValues[];
  boosterMinDaysAfterSeries: string;
  minAgeYears: string;
  maxAgeYears: string;
  active: boolean;
}

export function vaccineValues(product?: VaccineProductInput): VaccineValues {
  return {
    name: product?.name ?? '',
    manufacturer: product?.manufacturer ?? '',
    euProductCode: product?.euProductCode ?? '',
    marketingAuthorisationHolder: product?.marketingAuthorisationHolder ?? '',
    prophylaxisCode: product?.prophylaxisCode ?? '',
    primaryDoses: String(product?.primaryDoses ?? 1),
    intervals: (product?.followUpIntervals ?? []).map((interval) => ({
      minDays: String(interval.minDays),
      recommendedDays: String(interval.recommendedDays),
      maxDays: String(interval.maxDays),
    })),
    boosterMinDaysAfterSeries: product?.boosterMinDaysAfterSeries == null ? '' : String(product.boosterMinDaysAfterSeries),
    minAgeYears: String(product?.minAgeYears ?? 18),
    maxAgeYears: product?.maxAgeYears == null ? '' : String(product.maxAgeYears),
    active: product?.active ?? true,
  };
}

/** One interval row per dose after the first; rows kept when the dose count goes down and up again. */
export function intervalRowsFor(values: VaccineValues): IntervalValues[] {
  const doses = Math.max(Number(values.primaryDoses) || 1, 1);
  return Array.from({ length: doses - 1 }, (_, index) => values.intervals[index] ?? { minDays: '', recommendedDays: '', maxDays: '' });
}

const whole = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

export function vaccineInputFromValues(values: VaccineValues): VaccineProductInput {
  return {
    name: values.name.trim(),
    manufacturer: values.manufacturer.trim(),
    euProductCode: values.euProductCode.trim(),
    marketingAuthorisationHolder: values.marketingAuthorisationHolder.trim(),
    prophylaxisCode: values.prophylaxisCode.trim(),
    primaryDoses: whole(values.primaryDoses),
    followUpIntervals: intervalRowsFor(values).map((row, index) => ({
      dose: index + 2,
      minDays: whole(row.minDays),
      recommendedDays: whole(row.recommendedDays),
      maxDays: whole(row.maxDays),
    })),
    boosterMinDaysAfterSeries: values.boosterMinDaysAfterSeries.trim() === '' ? null : whole(values.boosterMinDaysAfterSeries),
    minAgeYears: whole(values.minAgeYears),
    maxAgeYears: values.maxAgeYears.trim() === '' ? null : whole(values.maxAgeYears),
    active: values.active,
  };
}

/** The API's contract first; the schedule's order (which a schema cannot say) once every number is whole. */
export function validateVaccine(input: VaccineProductInput, t: TFunction): FieldErrors<VaccineField> {
  const errors = checkForm(VaccineProductInput, input, VACCINE_FIELDS, t);
  if (Object.keys(errors).length > 0) return errors;
  for (const problem of scheduleProblems(input)) {
    if (problem.field === 'maxAgeYears') errors.maxAgeYears = t('vaccines.maxBelowMin');
    else errors.followUpIntervals = t('vaccines.intervalOrder');
  }
  return errors;
}
