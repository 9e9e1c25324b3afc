import { ageEligibility } from '@vaccinate/dose-schedule';
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../shared/api/field-errors';
import type { ApiProblemError } from '../shared/api/api-error';
import { describeFieldProblem } from '../shared/api/error-message';
import { looksLikeEmail } from '../auth/email-format.util';
import type { CatalogueProduct } from './dose-kinds.util';

export const DETAIL_FIELDS = ['givenName', 'familyName', 'email', 'birthDate', 'employeeNumber'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
export type BookingDetails = Record<DetailField, string>;

export const EMPTY_DETAILS: BookingDetails = { givenName: '', familyName: '', email: '', birthDate: '', employeeNumber: '' };

export function personFromDetails(details: BookingDetails) {
  const employeeNumber = details.employeeNumber.trim();
  return {
    givenName: details.givenName.trim(),
    familyName: details.familyName.trim(),
    email: details.email.trim(),
    birthDate: details.birthDate,
    ...(employeeNumber ? { employeeNumber } : {}),
  };
}

/**
 * Quick checks with translated messages before anything is sent; the API checks again and its
 * answer wins. The age limits are the product's, on the day of the first appointment.
 */
export function validateDetails(
  details: BookingDetails,
  t: TFunction,
  context: { product: CatalogueProduct; appointmentDate: string; employeeNumberRequired?: boolean; today?: Date },
): FieldErrors<DetailField> {
  const errors: FieldErrors<DetailField> = {};
  for (const field of ['givenName', 'familyName', 'email', 'birthDate'] as const) {
    if (!details[field].trim()) errors[field] = t('validation.required');
  }
  // Some tenants match bookings to their staff records, so they ask for the number.
  if (context.employeeNumberRequired && !details.employeeNumber.trim()) errors.employeeNumber = t('validation.required');
  if (!errors.email && !looksLikeEmail(details.email.trim())) errors.email = t('validation.email');
  if (!errors.birthDate) {
    const today = (context.today ?? new Date()).toISOString().slice(0, 10);
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(details.birthDate) && !Number.isNaN(Date.parse(details.birthDate));
    if (!valid) errors.birthDate = t('validation.date');
    else if (details.birthDate > today) errors.birthDate = t('validation.dateInFuture');
    else {
      const eligibility = ageEligibility({ ...context.product, boosterMinDaysAfterSeries: null }, details.birthDate, context.appointmentDate);
      if (!eligibility.eligible) {
        errors.birthDate = t(`booking.details.${eligibility.reason}`, { count: eligibility.limitYears });
      }
    }
  }
  return errors;
}

/** The API names fields by their path in the body (`person.email`, `body.person.email`). */
export function detailErrorsFromProblem(error: ApiProblemError, t: TFunction): { byField: FieldErrors<DetailField>; other: string[] } {
  const byField: FieldErrors<DetailField> = {};
  const other: string[] = [];
  for (const problem of error.fieldProblems) {
    const { field } = problem;
    const text = describeFieldProblem(problem, t, error.code);
    const name = field.replace(/^body\./, '').replace(/^person\./, '');
    if ((DETAIL_FIELDS as readonly string[]).includes(name)) {
      const key = name as DetailField;
      byField[key] = byField[key] ? `${byField[key]} ${text}` : text;
    } else other.push(text);
  }
  return { byField, other };
}
