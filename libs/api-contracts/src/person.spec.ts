import { describe, expect, it } from 'vitest';
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
});
