import 'reflect-metadata';
import type { FieldProblem } from '@vaccinate/api-contracts';
import { describe, expect, it } from 'vitest';
import { ValidationException } from '../../common/problem/app-exception';
import { createValidationPipe } from '../../common/problem/validation.pipe';
import { CreateRegistrationDto } from './dto/create-registration.dto';
import { readRegistrationBody } from './registration-body';

const valid = {
  person: { givenName: ' Erika ', familyName: 'Mustermann', email: ' erika@acme.example ', birthDate: '1980-05-17', phone: '+49 30 1234567' },
  productId: '7b1e2f1c-8a0e-4c57-9a3b-6f2d3c4b5a69',
  preferredSiteIds: ['0f8fad5b-d9cb-469f-a165-70867728950e'],
  preferredWeekdays: [1, 5],
  occupations: ['medical-staff'],
  answers: { 'chronic-condition': true },
  captcha: 'c29sdXRpb24=',
  locale: 'de',
};

/** Bodies a client might send, right and wrong in every way the DTO knows. */
const BODIES: Record<string, unknown> = {
  'a complete body': valid,
  'only the required fields': { person: { givenName: 'A', familyName: 'B', email: 'a@b.de', birthDate: '2000-01-01' }, captcha: 'x' },
  'nothing at all': {},
  'no person': { captcha: 'x' },
  'a person that is a string': { ...valid, person: 'Erika' },
  'a person that is an array': { ...valid, person: [] },
  'empty names': { ...valid, person: { ...valid.person, givenName: '  ', familyName: '' } },
  'names that are numbers': { ...valid, person: { ...valid.person, givenName: 7, familyName: null } },
  'too long a name': { ...valid, person: { ...valid.person, familyName: 'x'.repeat(101) } },
  'a wrong e-mail': { ...valid, person: { ...valid.person, email: 'nope' } },
  'a missing e-mail': { ...valid, person: { ...valid.person, email: undefined } },
  'an e-mail that is a number': { ...valid, person: { ...valid.person, email: 5 } },
  'a birth date in the future': { ...valid, person: { ...valid.person, birthDate: '2999-01-01' } },
  'a birth date that does not exist': { ...valid, person: { ...valid.person, birthDate: '1980-02-30' } },
  'a wrong phone': { ...valid, person: { ...valid.person, phone: 'call me' } },
  'an unknown person field': { ...valid, person: { ...valid.person, shoeSize: 44 } },
  'an unknown field': { ...valid, admin: true },
  'a product that is no uuid': { ...valid, productId: 'x' },
  'a product of uuid v1': { ...valid, productId: 'a8098c1a-f86e-11da-bd1a-00112444be1e' },
  'sites that are no list': { ...valid, preferredSiteIds: 'abc' },
  'a site that is no uuid': { ...valid, preferredSiteIds: ['abc'] },
  'too many sites': { ...valid, preferredSiteIds: Array.from({ length: 21 }, () => valid.preferredSiteIds[0]) },
  'weekday 8': { ...valid, preferredWeekdays: [8] },
  'weekday 0': { ...valid, preferredWeekdays: [0] },
  'weekday 1.5': { ...valid, preferredWeekdays: [1.5] },
  'a weekday as text': { ...valid, preferredWeekdays: ['1'] },
  'eight weekdays': { ...valid, preferredWeekdays: [1, 2, 3, 4, 5, 6, 7, 1] },
  'an occupation in capitals': { ...valid, occupations: ['Medical'] },
  'answers as a list': { ...valid, answers: [] },
  'answers as text': { ...valid, answers: 'yes' },
  'no captcha': { ...valid, captcha: undefined },
  'an empty captcha': { ...valid, captcha: '' },
  'a captcha that is a number': { ...valid, captcha: 5 },
  'too long a captcha': { ...valid, captcha: 'x'.repeat(4001) },
  'a third language': { ...valid, locale: 'fr' },
  'several mistakes at once': { person: { ...valid.person, email: 'nope', birthDate: '2999-01-01' }, preferredWeekdays: [8], productId: 'x', captcha: 'x' },
};

async function throughPipe(body: unknown): Promise<{ problems: FieldProblem[] } | { value: unknown }> {
  try {
    const value: unknown = await createValidationPipe().transform(structuredClone(body), { type: 'body', metatype: CreateRegistrationDto });
    return { value: JSON.parse(JSON.stringify(value)) };
  } catch (error) {
    if (error instanceof ValidationException) return { problems: error.errors ?? [] };
    throw error;
  }
}

function byHand(body: unknown): { problems: FieldProblem[] } | { value: unknown } {
  try {
    return { value: JSON.parse(JSON.stringify(readRegistrationBody(structuredClone(body)))) };
  } catch (error) {
    if (error instanceof ValidationException) return { problems: error.errors ?? [] };
    throw error;
  }
}

describe('readRegistrationBody', () => {
  for (const [name, body] of Object.entries(BODIES)) {
    it(`answers ${name} exactly as the DTO under the ValidationPipe does`, async () => {
      expect(byHand(body)).toEqual(await throughPipe(body));
    });
  }

  it('refuses a body that is not an object', () => {
    expect(() => readRegistrationBody('text')).toThrow(ValidationException);
  });
});
