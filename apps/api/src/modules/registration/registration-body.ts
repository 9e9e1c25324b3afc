import type { FieldProblem } from '@vaccinate/api-contracts';
import { arrayMaxSize, isEmail, isIn, isInt, isNotEmpty, isObject, isString, isUUID, matches, max, maxLength, min } from 'class-validator';
import { ValidationException } from '../../common/problem/app-exception';
import { isPlausibleBirthDate, NAME_MAX, PHONE_PATTERN } from '../people/dto/person-fields';
import type { CreateRegistrationDto, RegistrationPersonDto } from './dto/create-registration.dto';

const OCCUPATION = /^[a-z][a-z0-9-]{1,40}$/;
const TOP_LEVEL = new Set(['person', 'productId', 'preferredSiteIds', 'preferredWeekdays', 'occupations', 'answers', 'captcha', 'locale']);
const PERSON = new Set(['givenName', 'familyName', 'email', 'birthDate', 'phone']);

/**
 * The registration body checked by hand with class-validator's own rule functions: the same rules
 * and messages as `CreateRegistrationDto` under the global ValidationPipe (a test compares both on
 * many bodies), without its per-request metadata walk, which was the largest cost of the intake.
 */
export function readRegistrationBody(body: unknown): CreateRegistrationDto {
  const problems: FieldProblem[] = [];
  if (!isPlainObject(body)) throw new ValidationException([{ field: 'person', message: 'is required' }]);
  unknownKeys(body, TOP_LEVEL, '', problems);
  const person = readPerson(body['person'], problems);
  const productId = body['productId'];
  if (productId !== undefined && productId !== null && !isUUID(productId, '4')) problems.push({ field: 'productId', message: 'must be a vaccine id' });
  checkList(body['preferredSiteIds'], 'preferredSiteIds', 20, problems, (item) => (isUUID(item, '4') ? null : 'each must be a site id'));
  checkList(body['preferredWeekdays'], 'preferredWeekdays', 7, problems, (item) => {
    if (!isInt(item)) return 'each value in preferredWeekdays must be an integer number';
    if (!min(item, 1)) return 'each value in preferredWeekdays must not be less than 1';
    return max(item, 7) ? null : 'each value in preferredWeekdays must not be greater than 7';
  });
  checkList(body['occupations'], 'occupations', 10, problems, (item) =>
    typeof item === 'string' && matches(item, OCCUPATION) ? null : 'each must be an occupation code such as medical-staff',
  );
  const answers = body['answers'];
  if (answers !== undefined && answers !== null && !isObject(answers)) problems.push({ field: 'answers', message: 'must be an object' });
  const captcha = body['captcha'];
  if (!isString(captcha)) problems.push({ field: 'captcha', message: isNotEmpty(captcha) ? 'must be a string' : 'is required' });
  else if (!isNotEmpty(captcha)) problems.push({ field: 'captcha', message: 'is required' });
  else if (!maxLength(captcha, 4000)) problems.push({ field: 'captcha', message: 'must be shorter than or equal to 4000 characters' });
  const locale = body['locale'];
  if (locale !== undefined && locale !== null && !isIn(locale, ['de', 'en'])) problems.push({ field: 'locale', message: 'must be one of the following values: de, en' });
  if (problems.length > 0 || !person) throw new ValidationException(problems);
  return body as unknown as CreateRegistrationDto & { person: RegistrationPersonDto };
}

function readPerson(value: unknown, problems: FieldProblem[]): RegistrationPersonDto | null {
  if (!isPlainObject(value)) {
    problems.push({ field: 'person', message: value === undefined || value === null ? 'is required' : 'must be an object' });
    return null;
  }
  unknownKeys(value, PERSON, 'person.', problems);
  for (const name of ['givenName', 'familyName'] as const) {
    const trimmed = trim(value, name);
    if (!isNotEmpty(trimmed)) problems.push({ field: `person.${name}`, message: 'should not be empty' });
    else if (!isString(trimmed)) problems.push({ field: `person.${name}`, message: 'must be a string' });
    else if (!maxLength(trimmed, NAME_MAX)) problems.push({ field: `person.${name}`, message: `must be shorter than or equal to ${NAME_MAX} characters` });
  }
  const email = trim(value, 'email');
  if (!isEmail(email)) problems.push({ field: 'person.email', message: 'must be a valid e-mail address' });
  else if (!maxLength(email, 254)) problems.push({ field: 'person.email', message: 'must be shorter than or equal to 254 characters' });
  const birthDate = value['birthDate'];
  if (!(typeof birthDate === 'string' && isPlausibleBirthDate(birthDate))) {
    problems.push({ field: 'person.birthDate', message: 'must be a date (YYYY-MM-DD) between 1900-01-01 and today' });
  }
  const phone = trim(value, 'phone');
  if (phone !== undefined && phone !== null && !(typeof phone === 'string' && matches(phone, PHONE_PATTERN))) {
    problems.push({ field: 'person.phone', message: 'must be a phone number: digits, spaces, + ( ) / -' });
  }
  return value as unknown as RegistrationPersonDto;
}

/** Trims a string in place, as the DTO's `@Transform(trim)` does, and returns it. */
function trim(object: Record<string, unknown>, key: string): unknown {
  const value = object[key];
  if (typeof value === 'string') object[key] = value.trim();
  return object[key];
}

function checkList(value: unknown, field: string, most: number, problems: FieldProblem[], eachProblem: (item: unknown) => string | null): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    problems.push({ field, message: 'must be an array' });
    return;
  }
  const itemProblem = value.map(eachProblem).find((problem) => problem !== null);
  if (itemProblem) problems.push({ field, message: itemProblem });
  else if (!arrayMaxSize(value, most)) problems.push({ field, message: `must contain no more than ${most} elements` });
}

function unknownKeys(object: Record<string, unknown>, known: Set<string>, prefix: string, problems: FieldProblem[]): void {
  for (const key of Object.keys(object)) if (!known.has(key)) problems.push({ field: `${prefix}${key}`, message: 'is not an accepted field' });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
