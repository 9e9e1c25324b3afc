import { describe, expect, it } from 'vitest';
import { CreateBookingRequest } from './booking';
import { RegistrationRequest } from './registration';

const SITE = '6f1c1a52-3b8e-4d55-9a4b-0c6f0b2f1e11';
const valid = () => ({
  person: { givenName: ' Ada ', familyName: 'Lovelace', email: ' ada@example.org ', birthDate: '1975-06-01', phone: '+49 30 123456' },
  preferredSiteIds: [SITE],
  preferredWeekdays: [1, 5],
  occupations: ['medical-staff'],
  answers: { 'chronic-condition': true },
  captcha: 'solution',
  locale: 'de',
});

describe('RegistrationRequest', () => {
  it('accepts a complete registration and trims what people type', () => {
    const result = RegistrationRequest.validate(valid());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.person).toMatchObject({ givenName: 'Ada', email: 'ada@example.org' });
  });

  it('accepts null for the optional lists, as the hand-written rules did', () => {
    expect(RegistrationRequest.validate({ ...valid(), productId: null, preferredSiteIds: null, occupations: null, answers: null, locale: null }).ok).toBe(true);
  });

  it('names every wrong field once, with a sentence that never repeats the value', () => {
    const result = RegistrationRequest.validate({
      person: { givenName: '  ', familyName: 7, email: 'ada@', birthDate: '2023-02-30', shoeSize: 42 },
      preferredWeekdays: [9],
      occupations: ['Medical Staff'],
      answers: { 'Bad Key': 1, ok: { nested: true } },
      captcha: '',
      locale: 'fr',
      extra: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.fromEntries(result.problems.map((problem) => [problem.field, problem.message]))).toEqual({
      extra: 'is not an accepted field',
      'person.givenName': 'should not be empty',
      'person.familyName': 'must be a string',
      'person.email': 'must be a valid e-mail address',
      'person.birthDate': 'must be a date (YYYY-MM-DD) between 1900-01-01 and today',
      'person.shoeSize': 'is not an accepted field',
      'preferredWeekdays.0': 'must not be greater than 7',
      'occupations.0': 'each must be an occupation code such as medical-staff',
      'answers.Bad Key': 'is not an accepted field',
      'answers.ok': 'must be a short text, a number or yes/no',
      captcha: 'should not be empty',
      locale: 'must be one of the following values: de, en',
    });
  });

  it('answers a body that is not an object, or has no person, with the fields it needs', () => {
    for (const body of [undefined, null, [], 'text', 42]) {
      const result = RegistrationRequest.validate(body);
      expect(result.ok ? [] : result.problems).toEqual([{ field: 'body', message: 'must be an object', rule: 'type' }]);
    }
    const missing = RegistrationRequest.validate({});
    expect(missing.ok ? [] : missing.problems).toEqual([
      { field: 'person', message: 'is required', rule: 'required' },
      { field: 'captcha', message: 'is required', rule: 'required' },
    ]);
  });

  it('refuses a name on several lines, which no mail header or certificate could carry', () => {
    const result = RegistrationRequest.validate({ ...valid(), person: { ...valid().person, familyName: 'Lovelace\nBcc: x@example.org' } });
    expect(result.ok ? [] : result.problems).toEqual([{ field: 'person.familyName', message: 'must be a single line without control characters', rule: 'pattern' }]);
  });

  it('refuses a birth date in the future and a list longer than declared', () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const result = RegistrationRequest.validate({ ...valid(), person: { ...valid().person, birthDate: tomorrow }, preferredSiteIds: Array(21).fill(SITE) });
    expect(result.ok ? [] : result.problems.map((problem) => problem.field).sort()).toEqual(['person.birthDate', 'preferredSiteIds']);
  });
});

describe('CreateBookingRequest', () => {
  const booking = () => ({
    productId: SITE,
    doseKind: 'first',
    slotId: SITE,
    person: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', birthDate: '1975-06-01', employeeNumber: 'E-17' },
    captcha: 'solution',
  });

  it('shares the person with the registration but takes the employee number instead of the phone', () => {
    expect(CreateBookingRequest.validate(booking()).ok).toBe(true);
    const result = CreateBookingRequest.validate({ ...booking(), person: { ...booking().person, phone: '+49 30 123456' } });
    expect(result.ok ? [] : result.problems).toEqual([{ field: 'person.phone', message: 'is not an accepted field', rule: 'unknown' }]);
  });

  it('refuses an unknown dose kind and an id that is not a uuid', () => {
    const result = CreateBookingRequest.validate({ ...booking(), doseKind: 'second', slotId: 'slot-1' });
    expect(result.ok ? [] : result.problems).toEqual([
      { field: 'doseKind', message: 'must be one of the following values: first, followUp, booster', rule: 'oneOf' },
      { field: 'slotId', message: 'must be a time slot id', rule: 'format:uuid' },
    ]);
  });
});
