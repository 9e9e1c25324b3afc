import { PersonInput, type Person } from '@vaccinate/api-contracts';
import type { TFunction } from 'i18next';
import { checkForm } from '../shared/api/contract-form';
import type { FieldErrors } from '../shared/api/field-errors';

export const PERSON_FIELDS = ['givenName', 'familyName', 'email', 'birthDate', 'phone', 'employeeNumber'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
/** What the inputs hold: always strings; empty optional fields become null for the API. */
export type PersonFormValues = Record<PersonField, string>;

export const EMPTY_PERSON_FORM: PersonFormValues = {
  givenName: '',
  familyName: '',
  email: '',
  birthDate: '',
  phone: '',
  employeeNumber: '',
};

export function formValuesFromPerson(person: Person): PersonFormValues {
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    email: person.email,
    birthDate: person.birthDate,
    phone: person.phone ?? '',
    employeeNumber: person.employeeNumber ?? '',
  };
}

export function personInputFromForm(values: PersonFormValues): PersonInput {
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    email: values.email.trim(),
    birthDate: values.birthDate,
    phone: optional(values.phone),
    employeeNumber: optional(values.employeeNumber),
  };
}

/** Only what changed, so a PATCH never overwrites a field another person edited meanwhile. */
export function changedFields(before: PersonInput, after: PersonInput): Partial<PersonInput> {
  const changes: Partial<PersonInput> = {};
  for (const field of PERSON_FIELDS) {
    if ((before[field] ?? null) !== (after[field] ?? null)) Object.assign(changes, { [field]: after[field] });
  }
  return changes;
}

/**
 * The API's own contract, in the reader's language; the API checks again and its answer wins.
 * A phone number kept as `loaded` is not checked: one saved before numbers were read into E.164 stays
 * as it was typed (and is shown so) until someone changes it, and it never blocks correcting another field
 * (the correction sends only what changed). A number typed anew is checked and stored in E.164.
 */
export function validatePersonForm(values: PersonFormValues, t: TFunction, loaded?: PersonFormValues): FieldErrors<PersonField> {
  const input = personInputFromForm(values);
  const phoneKept = loaded !== undefined && input.phone === personInputFromForm(loaded).phone;
  return checkForm(PersonInput, phoneKept ? { ...input, phone: null } : input, PERSON_FIELDS, t);
}
