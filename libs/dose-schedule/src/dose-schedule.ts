import { addDays, ageOn } from './calendar-date';

export type DoseKind = 'first' | 'followUp' | 'booster';

export interface FollowUpInterval {
  dose: number;
  minDays: number;
  recommendedDays: number;
  maxDays: number;
}

/** What the rules need to know about a product. */
export interface DoseScheduleProduct {
  primaryDoses: number;
  followUpIntervals: FollowUpInterval[];
  boosterMinDaysAfterSeries: number | null;
  minAgeYears: number;
  maxAgeYears: number | null;
}

export interface DateWindow {
  earliest: string;
  recommended: string;
  latest: string;
}

/** Problems with a product's schedule, each naming its field; empty when the schedule is consistent. */
export function scheduleProblems(product: DoseScheduleProduct): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const expected = Array.from({ length: Math.max(product.primaryDoses - 1, 0) }, (_, i) => i + 2);
  const doses = product.followUpIntervals.map((interval) => interval.dose);
  if (JSON.stringify(doses) !== JSON.stringify(expected)) {
    problems.push({
      field: 'followUpIntervals',
      message: `must list one interval for each dose after the first (${expected.join(', ') || 'none'})`,
    });
  }
  product.followUpIntervals.forEach((interval, index) => {
    if (!(interval.minDays >= 1 && interval.minDays <= interval.recommendedDays && interval.recommendedDays <= interval.maxDays)) {
      problems.push({ field: `followUpIntervals.${index}`, message: 'must satisfy 1 <= minDays <= recommendedDays <= maxDays' });
    }
  });
  if (product.maxAgeYears !== null && product.maxAgeYears < product.minAgeYears) {
    problems.push({ field: 'maxAgeYears', message: 'must not be below minAgeYears' });
  }
  return problems;
}

/** The dose number a booking of this kind starts with. */
export function firstDoseNumberOf(kind: DoseKind, product: DoseScheduleProduct): number {
  if (kind === 'first') return 1;
  if (kind === 'followUp') return 2;
  return product.primaryDoses + 1;
}

/** Whether booking `kind` also reserves the next dose of the primary series. */
export function needsFollowUpReservation(kind: DoseKind, product: DoseScheduleProduct): boolean {
  return kind === 'first' && product.primaryDoses > 1;
}

/** When dose `dose` may be given after the previous dose on `previousDoseDate`. */
export function followUpWindow(product: DoseScheduleProduct, dose: number, previousDoseDate: string): DateWindow {
  const interval = product.followUpIntervals.find((candidate) => candidate.dose === dose);
  if (!interval) throw new RangeError(`the product has no dose ${dose} in its primary series`);
  return {
    earliest: addDays(previousDoseDate, interval.minDays),
    recommended: addDays(previousDoseDate, interval.recommendedDays),
    latest: addDays(previousDoseDate, interval.maxDays),
  };
}

export function isWithin(window: DateWindow, date: string): boolean {
  return date >= window.earliest && date <= window.latest;
}

export type EligibilityResult = { eligible: true } | { eligible: false; reason: 'too_young' | 'too_old'; limitYears: number };

/** Age limits of the product, checked on the day of vaccination. */
export function ageEligibility(product: DoseScheduleProduct, birthDate: string, vaccinationDate: string): EligibilityResult {
  const age = ageOn(birthDate, vaccinationDate);
  if (age < product.minAgeYears) return { eligible: false, reason: 'too_young', limitYears: product.minAgeYears };
  if (product.maxAgeYears !== null && age > product.maxAgeYears) {
    return { eligible: false, reason: 'too_old', limitYears: product.maxAgeYears };
  }
  return { eligible: true };
}
