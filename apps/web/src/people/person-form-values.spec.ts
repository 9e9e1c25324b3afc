import { createI18n } from '../i18n/i18n';
import { describe, expect, it } from 'vitest';
import { ada } from '../test/staff-fixtures';
import { changedFields, formValuesFromPerson, personInputFromForm, validatePersonForm } from './person-form-values';

describe('person form values', () => {
  it('turns empty optional fields into null and sends only what changed', () => {
    const values = { ...formValuesFromPerson(ada), employeeNumber: '  ', familyName: ' Byron ' };
    const input = personInputFromForm(values);
    expect(input.employeeNumber).toBeNull();
    expect(changedFields(ada, input)).toEqual({ familyName: 'Byron', employeeNumber: null });
    expect(changedFields(ada, personInputFromForm(formValuesFromPerson(ada)))).toEqual({});
  });

  it('checks with the contract: missing fields, a malformed e-mail and a birth date in the future', () => {
    const t = createI18n('en').t;
    const errors = validatePersonForm({ givenName: '', familyName: 'Lovelace', email: 'ada@', birthDate: '2031-01-01', phone: '', employeeNumber: '' }, t);
    expect(errors).toEqual({
      givenName: 'Please fill in this field.',
      email: 'Please enter an e-mail address such as name@example.com.',
      birthDate: 'Please enter a birth date: not in the future, not before 1900.',
    });
  });
});
