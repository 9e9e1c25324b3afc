import { describe, expect, it } from 'vitest';
import { CreateBookingRequest } from '../booking';
import { RegistrationRequest } from '../registration';
import { checkOf } from './contract';
import { fieldProblems } from './field-problems';

const bodies: unknown[] = [
  { person: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', birthDate: '1975-06-01' }, captcha: 'x' },
  { person: { givenName: '', familyName: 7, email: 'ada@', birthDate: '2023-02-30', shoeSize: 42 }, preferredWeekdays: [9] },
  { person: null, captcha: 1 },
  [],
  'text',
  null,
  { person: { givenName: 'Ada', familyName: 'L', email: 'a@b.example', birthDate: '0000-01-01' }, occupations: ['pilot'], extra: true },
];

describe('a contract checked by the compiler and by the interpreter', () => {
  // Pages check with the interpreter (their CSP forbids the compiler's new Function); both must judge alike.
  it.each([RegistrationRequest, CreateBookingRequest])('judges $name alike either way', (contract) => {
    const compiled = checkOf(contract.schema, false);
    const interpreted = checkOf(contract.schema, true);
    for (const body of bodies) {
      expect(interpreted.Check(body), JSON.stringify(body)).toBe(compiled.Check(body));
      expect(fieldProblems(interpreted.Errors(body))).toEqual(fieldProblems(compiled.Errors(body)));
    }
    expect(bodies.some((body) => !compiled.Check(body))).toBe(true);
  });

  it('lets a valid body through the interpreter', () => {
    expect(checkOf(RegistrationRequest.schema, true).Check(bodies[0])).toBe(true);
  });
});
