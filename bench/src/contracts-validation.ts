import { join } from 'node:path';
import { CreateBookingRequest, FORMATS, RegistrationRequest, type Contract } from '@vaccinate/api-contracts';
import Ajv from 'ajv';
import { z } from 'zod';

/**
 * Validators of the two hot bodies (registration, booking), valid and invalid, in operations per
 * second on one core: the contracts' compiled TypeBox check (what the API runs), the same JSON Schema
 * compiled by ajv 8 (as Fastify route schemas would), zod 4, and the rules the API ran before.
 */
export interface ValidatorFigure {
  body: 'registration' | 'booking';
  kind: 'valid' | 'invalid';
  validator: string;
  opsPerSecond: number;
}

type Check = (body: Record<string, unknown>) => unknown;

const SITE = '6f1c1a52-3b8e-4d55-9a4b-0c6f0b2f1e11';
const person = (n: number) => ({ givenName: 'Queue', familyName: `Person ${n}`, email: `queue-${n}@bench.example`, birthDate: '1975-06-01' });
const BODIES = {
  registration: {
    valid: (n: number) => ({
      person: person(n),
      occupations: n % 7 === 0 ? ['medical-staff'] : [],
      answers: { 'chronic-condition': n % 5 === 0 },
      captcha: 'x'.repeat(400),
    }),
    invalid: (n: number) => ({ person: { givenName: '', familyName: n, email: 'nope', birthDate: '2023-02-30' }, preferredWeekdays: [9], captcha: '' }),
  },
  booking: {
    valid: (n: number) => ({ productId: SITE, doseKind: 'first', slotId: SITE, person: person(n), captcha: 'x'.repeat(400) }),
    invalid: (n: number) => ({ productId: 'p', doseKind: 'second', slotId: SITE, person: { ...person(n), email: 'nope' }, captcha: '' }),
  },
};

function opsPerSecond(check: Check, make: (n: number) => Record<string, unknown>, milliseconds: number): number {
  const bodies = Array.from({ length: 1000 }, (_, n) => make(n));
  for (const body of bodies) check(body); // warm-up and JIT
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < milliseconds) {
    for (const body of bodies) check(body);
    done += bodies.length;
  }
  return Math.round((done * 1000) / (performance.now() - start));
}

function ajvCheck(contract: Contract): Check {
  const ajv = new Ajv({ allErrors: false, strict: false });
  for (const [name, check] of Object.entries(FORMATS)) ajv.addFormat(name, check);
  const fast = ajv.compile(contract.schema);
  const all = new Ajv({ allErrors: true, strict: false });
  for (const [name, check] of Object.entries(FORMATS)) all.addFormat(name, check);
  const everything = all.compile(contract.schema);
  // A refused body needs every problem, as the API answers them all.
  return (body) => fast(body) || (everything(body), everything.errors);
}

// The alternative measured: the same rules in zod 4 (messages as the API words them).
const zName = z.string().trim().min(1, 'should not be empty').max(100);
const zPerson = {
  givenName: zName,
  familyName: zName,
  email: z.string().trim().max(254).refine(FORMATS.email, 'must be a valid e-mail address'),
  birthDate: z.string().refine(FORMATS['birth-date']),
};
const zUuid = z.string().refine(FORMATS.uuid);
const ZOD = {
  registration: z.strictObject({
    person: z.strictObject({
      ...zPerson,
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9 ()/-]{5,30}$/)
        .nullish(),
    }),
    productId: zUuid.nullish(),
    preferredSiteIds: z.array(zUuid).max(20).nullish(),
    preferredWeekdays: z.array(z.int().min(1).max(7)).max(7).nullish(),
    occupations: z
      .array(z.string().regex(/^[a-z][a-z0-9-]{1,40}$/))
      .max(10)
      .nullish(),
    answers: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,40}$/), z.union([z.string().max(200), z.number(), z.boolean()])).nullish(),
    captcha: z.string().min(1).max(4000),
    locale: z.enum(['de', 'en']).nullish(),
  }),
  booking: z.strictObject({
    productId: zUuid,
    doseKind: z.enum(['first', 'followUp', 'booster']),
    slotId: zUuid,
    followUpSlotId: zUuid.nullish(),
    person: z.strictObject({
      ...zPerson,
      employeeNumber: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9 ._/-]{1,40}$/)
        .nullish(),
    }),
    captcha: z.string().min(1).max(4000),
    locale: z.enum(['de', 'en']).nullish(),
  }),
};

/** The API's previous rules, from its build, when they are still there to compare. */
function previousRules(root: string): Partial<Record<'registration' | 'booking', Check>> {
  const rules: Partial<Record<'registration' | 'booking', Check>> = {};
  const dist = join(root, 'apps', 'api', 'dist');
  const swallow =
    (check: Check): Check =>
    (body) => {
      try {
        return check(body);
      } catch (error) {
        return error;
      }
    };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional, absent once the rules are gone
    const { readRegistrationBody } = require(join(dist, 'modules', 'registration', 'registration-body.js')) as { readRegistrationBody: Check };
    rules.registration = swallow(readRegistrationBody);
  } catch {
    // Replaced by the contract.
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional, absent in builds without the DTO pipeline
    const { createValidationPipe } = require(join(dist, 'common', 'problem', 'validation.pipe.js')) as {
      createValidationPipe: () => { transform: (v: unknown, m: object) => Promise<unknown> };
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional, absent in builds without the DTO pipeline
    const { CreateBookingDto } = require(join(dist, 'modules', 'booking', 'dto', 'create-booking.dto.js')) as { CreateBookingDto?: object };
    if (CreateBookingDto) {
      const pipe = createValidationPipe();
      // The pipe is asynchronous; this counts its synchronous work, a lower bound of its cost.
      rules.booking = (body) => pipe.transform(body, { type: 'body', metatype: CreateBookingDto }).catch(() => undefined);
    }
  } catch {
    // Replaced by the contract.
  }
  return rules;
}

export function contractsValidation(root: string, milliseconds = 1500): ValidatorFigure[] {
  const previous = previousRules(root);
  const figures: ValidatorFigure[] = [];
  for (const body of ['registration', 'booking'] as const) {
    const contract = body === 'registration' ? RegistrationRequest : CreateBookingRequest;
    const validators: [string, Check][] = [
      ['contract (TypeBox 0.34 TypeCompiler)', (value) => contract.validate(value)],
      ['ajv 8 on the contract schema', ajvCheck(contract)],
      ['zod 4 safeParse', (value) => ZOD[body].safeParse(value)],
    ];
    const rules = previous[body];
    if (rules) validators.push([body === 'registration' ? 'hand-written class-validator rules' : 'class-validator DTO + ValidationPipe', rules]);
    for (const kind of ['valid', 'invalid'] as const) {
      for (const [validator, check] of validators) {
        figures.push({ body, kind, validator, opsPerSecond: opsPerSecond(check, BODIES[body][kind], milliseconds) });
      }
    }
  }
  return figures;
}
