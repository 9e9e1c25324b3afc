import { addDays } from './calendar-date';
import { followUpWindow, type DateWindow, type DoseKind, type DoseScheduleProduct } from './dose-schedule';

/** A dose already given, as far as numbering is concerned. */
export interface GivenDose {
  doseNumber: number;
  /** Local date of the dose, YYYY-MM-DD. */
  date: string;
}

/**
 * The number of the next dose: one past the highest dose given. Counting by the highest number
 * (not the count of rows) keeps a documented dose given elsewhere (e.g. dose 2 abroad) meaningful.
 */
export function nextDoseNumber(history: readonly GivenDose[]): number {
  return history.reduce((highest, dose) => Math.max(highest, dose.doseNumber), 0) + 1;
}

/** Whether dose `doseNumber` is the first, a follow-up of the primary series, or a booster. */
export function doseKindOf(doseNumber: number, product: DoseScheduleProduct): DoseKind {
  if (doseNumber <= 1) return 'first';
  return doseNumber <= product.primaryDoses ? 'followUp' : 'booster';
}

/**
 * What comes after a dose given on `date`: the next dose of the primary series and its window,
 * the booster's earliest date, or nothing when no further dose is offered.
 */
export function nextDoseAfter(product: DoseScheduleProduct, given: GivenDose): { doseNumber: number; kind: DoseKind; window: DateWindow } | null {
  const doseNumber = given.doseNumber + 1;
  if (doseNumber <= product.primaryDoses) {
    return { doseNumber, kind: 'followUp', window: followUpWindow(product, doseNumber, given.date) };
  }
  if (given.doseNumber === product.primaryDoses && product.boosterMinDaysAfterSeries !== null) {
    const earliest = addDays(given.date, product.boosterMinDaysAfterSeries);
    return { doseNumber, kind: 'booster', window: { earliest, recommended: earliest, latest: addDays(earliest, 365) } };
  }
  return null;
}
