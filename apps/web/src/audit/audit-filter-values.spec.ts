import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { EMPTY_AUDIT_FILTERS, auditFiltersFromForm, validateAuditFilters } from './audit-filter-values';

const en = createI18n('en').t;
const de = createI18n('de').t;
const SUBJECT = '9f1c2d4e-0000-4000-8000-000000000001';

describe('audit log filters', () => {
  it('accepts no filters, and filters the API accepts', () => {
    expect(validateAuditFilters(EMPTY_AUDIT_FILTERS, en)).toEqual({});
    const values = {
      ...EMPTY_AUDIT_FILTERS,
      person: ' Lovelace ',
      from: '2026-03-01',
      to: '2026-03-01',
      subjectId: ` ${SUBJECT} `,
      actor: 'staff-7',
      action: 'person.read',
    };
    expect(validateAuditFilters(values, en)).toEqual({});
    expect(auditFiltersFromForm(values)).toMatchObject({ person: 'Lovelace', subjectId: SUBJECT, actor: 'staff-7', action: 'person.read' });
  });

  it("names each filter the API's query contract refuses, in the reader's language", () => {
    const values = { ...EMPTY_AUDIT_FILTERS, from: '2026-03-02', to: '2026-03-01', subjectId: 'someone', actor: 'a'.repeat(201), action: 'person' };
    expect(validateAuditFilters(values, en)).toEqual({
      subjectId: 'Please enter an id such as 9f1c2d4e-0000-4000-8000-000000000001.',
      actor: 'This is too long.',
      action: 'Please enter an action such as person.read.',
      to: 'The end date must not be before the start date.',
    });
    expect(validateAuditFilters(values, de)).toEqual({
      subjectId: de('auditLog.invalidId'),
      actor: de('validation.tooLong'),
      action: de('auditLog.invalidAction'),
      to: de('auditLog.toBeforeFrom'),
    });
    expect(de('validation.tooLong')).not.toBe('This is too long.');
  });

  it('names a date that is none instead of failing on it', () => {
    expect(validateAuditFilters({ ...EMPTY_AUDIT_FILTERS, from: 'yesterday' }, en)).toEqual({ from: 'Please enter a date.' });
  });
});
