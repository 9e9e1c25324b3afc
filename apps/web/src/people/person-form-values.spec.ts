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

  it('checks a phone number typed anew, but not one kept as loaded (saved before numbers were read into E.164)', () => {
    const t = createI18n('en').t;
    const loaded = { ...formValuesFromPerson(ada), phone: '030/123 45 67 app. 12' };
    expect(validatePersonForm({ ...loaded, familyName: 'Byron' }, t, loaded)).toEqual({});
    const sentence = 'Please enter a phone number that exists, with its country code (e.g. +49 …) when it is not a number from Germany.';
    expect(validatePersonForm({ ...loaded, phone: '030/123 45 67 app. 13' }, t, loaded)).toEqual({ phone: sentence });
    expect(validatePersonForm({ ...loaded, phone: 'call me' }, t)).toEqual({ phone: sentence });
    expect(validatePersonForm({ ...loaded, phone: '030 123-4567' }, t, loaded)).toEqual({});
  });
});
