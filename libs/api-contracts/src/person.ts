import { Type } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { BirthDate, Email, Nullable, PhoneNumber, SingleLine, Strict, Trimmed } from './contract/schema';

export const NAME_MAX = 100;
export const EMPLOYEE_NUMBER_PATTERN = '^[A-Za-z0-9 ._/-]{1,40}$';

// A name goes into mail headers and certificates: one line, no control characters.
const Name = () => SingleLine(NAME_MAX);
const EmployeeNumber = () => Trimmed({ pattern: EMPLOYEE_NUMBER_PATTERN, 'x-error-message': 'must be 1-40 letters, digits, spaces or . _ / -' });

/** A person the tenant vaccinates: an employee or another recipient. All fields but `id` are personal data. */
export const PersonInput = contract(
  'PersonInput',
  Strict({
    givenName: Name(),
    familyName: Name(),
    email: Email(),
    birthDate: BirthDate(),
    phone: Type.Optional(Nullable(PhoneNumber())),
    employeeNumber: Type.Optional(Nullable(EmployeeNumber())),
  }),
);
export type PersonInput = Payload<typeof PersonInput>;

/** The person in a registration for the waiting list. */
export const RegistrationPerson = Type.Pick(PersonInput.schema, ['givenName', 'familyName', 'email', 'birthDate', 'phone'], { additionalProperties: false });
/** The person in a booking: the employee number when the tenant asks for it. */
export const BookingPerson = Type.Pick(PersonInput.schema, ['givenName', 'familyName', 'email', 'birthDate', 'employeeNumber'], { additionalProperties: false });

export const Person = contract(
  'Person',
  Strict({
    id: Type.String({ format: 'uuid' }),
    givenName: Type.String(),
    familyName: Type.String(),
    email: Type.String(),
    birthDate: Type.String({ format: 'date' }),
    // As stored: a number saved before phones were read into E.164 reads as it was typed until the phone itself is next changed
    // (a correction sends only the fields it changes, so an old number never blocks correcting a name).
    phone: Nullable(Type.String({ description: 'E.164 (+4930123456); a number saved before E.164 as it was typed' })),
    employeeNumber: Nullable(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    version: Type.Integer(),
  }),
);
export type Person = Payload<typeof Person>;

export const PersonPage = contract('PersonPage', Strict({ items: Type.Array(Person.schema), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() }));
export type PersonPage = Payload<typeof PersonPage>;

/** `GET /api/people?limit=&offset=`. */
export const PeopleQuery = contract(
  'PeopleQuery',
  Strict({
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  }),
);
export type PeopleQuery = Payload<typeof PeopleQuery>;

/**
 * `POST /api/people/search`, in a body, because personal data never goes into a URL: by exact e-mail,
 * by exact employee number, or by name prefixes (each word typed must begin a given or family name).
 */
export const PeopleSearch = contract(
  'PeopleSearch',
  Type.Object(
    {
      email: Type.Optional(Email()),
      employeeNumber: Type.Optional(EmployeeNumber()),
      name: Type.Optional(SingleLine(NAME_MAX, { examples: ['lov'] })),
    },
    { additionalProperties: false, minProperties: 1, maxProperties: 1, description: 'Exactly one of email, employeeNumber or name' },
  ),
);
export type PeopleSearch = Payload<typeof PeopleSearch>;
export const PeopleFound = contract('PeopleFound', Strict({ items: Type.Array(Person.schema) }));
export type PeopleFound = Payload<typeof PeopleFound>;

/**
 * `PATCH /api/people/:id`: a correction, partial, with the reason it is needed (kept in the person's
 * history). `version` is the one the client loaded, so a concurrent change is not overwritten.
 */
export const PersonCorrection = contract(
  'PersonCorrection',
  Type.Composite(
    [
      Type.Partial(PersonInput.schema),
      Strict({ version: Type.Integer({ minimum: 1 }), reason: Type.String({ minLength: 1, maxLength: 500, examples: ['Name misspelt at sign-up'] }) }),
    ],
    { additionalProperties: false },
  ),
);
export type PersonCorrection = Payload<typeof PersonCorrection>;
