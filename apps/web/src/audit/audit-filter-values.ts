import { AuditEventSearch } from '@vaccinate/api-contracts';
import type { TFunction } from 'i18next';
import { checkForm } from '../shared/api/contract-form';
import type { FieldErrors } from '../shared/api/field-errors';
import type { AuditFilters } from './audit-api';

export const AUDIT_FILTER_FIELDS = ['from', 'to', 'person', 'staff', 'action', 'subjectId', 'actor'] as const;
export type AuditFilterField = (typeof AUDIT_FILTER_FIELDS)[number];
export type AuditFilterValues = Record<AuditFilterField, string>;

export const EMPTY_AUDIT_FILTERS: AuditFilterValues = { from: '', to: '', person: '', staff: '', action: '', subjectId: '', actor: '' };

/**
 * The filters as they would be sent, checked with the API's contract for the query (an id, an action
 * such as person.read, the actor's length, dates), each problem under its input in the reader's
 * language; then what the contract cannot say: an end date before the start.
 */
export function validateAuditFilters(values: AuditFilterValues, t: TFunction): FieldErrors<AuditFilterField> {
  const more: FieldErrors<AuditFilterField> = values.from && values.to && values.to < values.from ? { to: t('auditLog.toBeforeFrom') } : {};
  return checkForm(AuditEventSearch, auditFiltersFromForm(values), AUDIT_FILTER_FIELDS, t, more, '', {
    subjectId: t('auditLog.invalidId'),
    action: t('auditLog.invalidAction'),
  });
}

/** A calendar day in this browser's zone as the instant it starts; text that is no date stays as typed, for the check to name. */
function startOfDay(date: string, addDays = 0): string {
  const start = new Date(`${date}T00:00:00`);
  if (Number.isNaN(start.getTime())) return date;
  start.setDate(start.getDate() + addDays);
  return start.toISOString();
}

/** The API's `to` is exclusive, so an inclusive end date becomes the start of the next day. */
export function auditFiltersFromForm(values: AuditFilterValues): AuditFilters {
  const filters: AuditFilters = {};
  if (values.from) filters.from = startOfDay(values.from);
  if (values.to) filters.to = startOfDay(values.to, 1);
  for (const field of ['person', 'staff', 'subjectId', 'actor', 'action'] as const) {
    const value = values[field].trim();
    if (value) filters[field] = value;
  }
  return filters;
}
