import type { TFunction } from 'i18next';
import type { FieldErrors } from '../shared/api/field-errors';
import type { AuditFilters } from './audit-api';

export const AUDIT_FILTER_FIELDS = ['from', 'to', 'subjectId', 'actor', 'action'] as const;
export type AuditFilterField = (typeof AUDIT_FILTER_FIELDS)[number];
export type AuditFilterValues = Record<AuditFilterField, string>;

export const EMPTY_AUDIT_FILTERS: AuditFilterValues = { from: '', to: '', subjectId: '', actor: '', action: '' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z_]+\.[a-z_]+$/;

export function validateAuditFilters(values: AuditFilterValues, t: TFunction): FieldErrors<AuditFilterField> {
  const errors: FieldErrors<AuditFilterField> = {};
  if (values.subjectId.trim() && !UUID.test(values.subjectId.trim())) errors.subjectId = t('auditLog.invalidId');
  if (values.action.trim() && !ACTION.test(values.action.trim())) errors.action = t('auditLog.invalidAction');
  if (values.from && values.to && values.to < values.from) errors.to = t('auditLog.toBeforeFrom');
  return errors;
}

/** A calendar day in this browser's zone as the instant it starts. */
function startOfDay(date: string, addDays = 0): string {
  const start = new Date(`${date}T00:00:00`);
  start.setDate(start.getDate() + addDays);
  return start.toISOString();
}

/** The API's `to` is exclusive, so an inclusive end date becomes the start of the next day. */
export function auditFiltersFromForm(values: AuditFilterValues): AuditFilters {
  const filters: AuditFilters = {};
  if (values.from) filters.from = startOfDay(values.from);
  if (values.to) filters.to = startOfDay(values.to, 1);
  for (const field of ['subjectId', 'actor', 'action'] as const) {
    const value = values[field].trim();
    if (value) filters[field] = value;
  }
  return filters;
}
