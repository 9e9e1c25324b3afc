import { describe, expect, it } from 'vitest';
import { RegistrationRequest } from './registration';
import { PeopleQuery, PersonCorrection, PersonInput } from './person';

describe('person contracts', () => {
  it('takes a correction of some fields with its version and reason, trimmed like a new person', () => {
    const correction = { familyName: ' Byron ', version: 3, reason: 'Name misspelt at sign-up' };
    const result = PersonCorrection.validate(correction);
    expect(result.ok && result.value.familyName).toBe('Byron');
  });

  it('refuses a correction without its reason or with a field no person has', () => {
    const result = PersonCorrection.validate({ givenName: 'Ada', version: 0, shoeSize: 42 });
    expect(result.ok ? [] : result.problems.map((problem) => problem.field).sort()).toEqual(['reason', 'shoeSize', 'version']);
  });

  it('reads limit and offset from query text, and refuses what is not a whole number in range', () => {
    expect(PeopleQuery.validate(PeopleQuery.fromText({ limit: '50', offset: '0' }))).toEqual({ ok: true, value: { limit: 50, offset: 0 } });
    const result = PeopleQuery.validate(PeopleQuery.fromText({ limit: '1e3', offset: '99999999999999999999' }));
    expect(result.ok ? [] : result.problems.map((problem) => [problem.field, problem.rule])).toEqual([
      ['limit', 'type'],
      ['offset', 'range'],
    ]);
  });

  it('keeps phone and employee number optional and nullable', () => {
    expect(
      PersonInput.validate({ givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', birthDate: '1990-12-10', phone: null, employeeNumber: null }).ok,
    ).toBe(true);
  });

  describe('the phone number, one format wherever a person has one', () => {
    const ada = { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', birthDate: '1990-12-10' };
    const GERMANY = { phoneRegion: 'DE' };
    const READINGS = [
      ['030 1234567', '+49301234567'], // national: read in the tenant's region, here Germany
      ['0151 23456789', '+4915123456789'],
      ['+43 664 1234567', '+436641234567'], // international
      ['0044 20 7946 0958', '+442079460958'],
      [' +49 (0)30 123-4567 ', '+49301234567'], // spaces, dashes, brackets
      ['030-123 45 67', '+49301234567'],
    ] as const;
    const GARBAGE = ['12', '+49 12', 'call me', '030 1234567 ext. 5', '+1 555 0100 0000 0000 00', '++49301234567'];

    it("reads a new person's number into E.164", () => {
      for (const [typed, e164] of READINGS) {
        const result = PersonInput.validate({ ...ada, phone: typed }, GERMANY);
        expect(result.ok && result.value.phone, typed).toBe(e164);
      }
    });

    it("reads a correction's and a registration's number the same way", () => {
      for (const [typed, e164] of READINGS) {
        const corrected = PersonCorrection.validate({ phone: typed, version: 1, reason: 'New number' }, GERMANY);
        expect(corrected.ok && corrected.value.phone, typed).toBe(e164);
        const registered = RegistrationRequest.validate(
          {
            person: { ...ada, phone: typed },
            preferredSiteIds: [],
            preferredWeekdays: [],
            occupations: [],
            answers: {},
            captcha: 'x',
          },
          GERMANY,
        );
        expect(registered.ok ? registered.value.person.phone : registered.problems, typed).toBe(e164);
      }
    });

    it("reads a national number in the tenant's region, Austria or Switzerland as much as Germany", () => {
      for (const [typed, phoneRegion, e164] of [
        ['0664 1234567', 'AT', '+436641234567'],
        ['0316 123456', 'AT', '+43316123456'],
        ['079 123 45 67', 'CH', '+41791234567'],
        ['0151 23456789', 'CH', ''], // a German mobile is no Swiss number: refused
      ] as const) {
        const result = PersonCorrection.validate({ phone: typed, version: 1, reason: 'New number' }, { phoneRegion });
        expect(result.ok ? result.value.phone : result.problems.map((problem) => problem.field), `${typed} in ${phoneRegion}`).toEqual(e164 === '' ? ['phone'] : e164);
      }
    });

    it('refuses what is no phone number with a field problem on the phone alone', () => {
      for (const typed of GARBAGE) {
        const created = PersonInput.validate({ ...ada, phone: typed }, GERMANY);
        expect(created.ok ? [] : created.problems.map((problem) => [problem.field, problem.rule, problem.message]), typed).toEqual([
          ['phone', 'format:phone-e164', "must be a phone number that exists, with its country code (+43 ...) when it is not of the tenant's country"],
        ]);
        const corrected = PersonCorrection.validate({ phone: typed, version: 1, reason: 'New number' });
        expect(corrected.ok ? [] : corrected.problems.map((problem) => problem.field), typed).toEqual(['phone']);
      }
    });
  });
});
