import { Type } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { BirthDate, Email, Nullable, Strict, Text, Trimmed } from './contract/schema';

export const NAME_MAX = 100;
export const PHONE_PATTERN = '^\\+?[0-9 ()/-]{5,30}$';
export const EMPLOYEE_NUMBER_PATTERN = '^[A-Za-z0-9 ._/-]{1,40}$';

// A name goes into mail headers and certificates: one line, no control characters.
const Name = () => Trimmed({ minLength: 1, maxLength: NAME_MAX, pattern: '^[^\\u0000-\\u001f\\u007f]*$', 'x-error-message': 'must be a single line without control characters' });
const Phone = () => Trimmed({ pattern: PHONE_PATTERN, 'x-error-message': 'must be a phone number: digits, spaces, + ( ) / -' });
const EmployeeNumber = () => Trimmed({ pattern: EMPLOYEE_NUMBER_PATTERN, 'x-error-message': 'must be 1-40 letters, digits, spaces or . _ / -' });

/** A person the tenant vaccinates: an employee or another recipient. All fields but `id` are personal data. */
export const PersonInput = contract(
  'PersonInput',
  Strict({
    givenName: Name(),
    familyName: Name(),
    email: Email(),
    birthDate: BirthDate(),
    phone: Type.Optional(Nullable(Phone())),
    employeeNumber: Type.Optional(Nullable(EmployeeNumber())),
  }),
);
export type PersonInput = Payload<typeof PersonInput>;

/** The person in a registration for the waiting list. */
export const RegistrationPerson = Type.Pick(PersonInput.schema, ['givenName', 'familyName', 'email', 'birthDate', 'phone'], { additionalProperties: false });
/** The person in a booking: the employee number when the tenant asks for it. */
export const BookingPerson = Type.Pick(PersonInput.schema, ['givenName', 'familyName', 'email', 'birthDate', 'employeeNumber'], { additionalProperties: false });

export interface Person extends PersonInput {
  id: string;
  phone: string | null;
  employeeNumber: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PersonPage {
  items: Person[];
  total: number;
  limit: number;
  offset: number;
}

