import type { TSchema } from '@sinclair/typebox';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import type { FieldProblem } from '../problem';
import { ERROR_MESSAGE } from './schema';

const TYPE_MESSAGES: Partial<Record<ValueErrorType, string>> = {
  [ValueErrorType.String]: 'must be a string',
  [ValueErrorType.Number]: 'must be a number',
  [ValueErrorType.Integer]: 'must be an integer number',
  [ValueErrorType.Boolean]: 'must be a boolean value',
  [ValueErrorType.Object]: 'must be an object',
  [ValueErrorType.Array]: 'must be an array',
  [ValueErrorType.Null]: 'must be null',
  [ValueErrorType.ObjectAdditionalProperties]: 'is not an accepted field',
  [ValueErrorType.ObjectRequiredProperty]: 'is required',
};

// Which problem a person should read when a field breaks several rules: a missing or mistyped
// value says more than its length.
const FIRST = [ValueErrorType.ObjectAdditionalProperties, ValueErrorType.ObjectRequiredProperty, ValueErrorType.StringMinLength];

function limitMessage(error: ValueError): string | undefined {
  const schema: TSchema = error.schema;
  switch (error.type) {
    case ValueErrorType.StringMinLength:
      return schema.minLength === 1 ? 'should not be empty' : `must be longer than or equal to ${schema.minLength} characters`;
    case ValueErrorType.StringMaxLength:
      return `must be shorter than or equal to ${schema.maxLength} characters`;
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return `must not be less than ${schema.minimum}`;
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return `must not be greater than ${schema.maximum}`;
    case ValueErrorType.ArrayMaxItems:
      return `must contain no more than ${schema.maxItems} elements`;
    case ValueErrorType.ObjectMaxProperties:
      return `must have no more than ${schema.maxProperties} entries`;
    case ValueErrorType.ArrayMinItems:
      return `must contain at least ${schema.minItems} elements`;
    case ValueErrorType.ArrayUniqueItems:
      return 'must not contain the same value twice';
    default:
      return undefined;
  }
}

function messageOf(error: ValueError): string {
  const declared = error.schema[ERROR_MESSAGE];
  if (
    typeof declared === 'string' &&
    (error.type === ValueErrorType.StringFormat || error.type === ValueErrorType.StringPattern || error.type === ValueErrorType.Union)
  ) {
    return declared;
  }
  return TYPE_MESSAGES[error.type] ?? limitMessage(error) ?? (error.type === ValueErrorType.Union ? 'has the wrong type' : 'is not valid');
}

function ruleOf(error: ValueError): string {
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'required';
    case ValueErrorType.ObjectAdditionalProperties:
      return 'unknown';
    case ValueErrorType.StringMinLength:
      return error.schema.minLength === 1 ? 'required' : 'length';
    case ValueErrorType.StringMaxLength:
      return 'length';
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.IntegerMaximum:
      return 'range';
    case ValueErrorType.ArrayMaxItems:
    case ValueErrorType.ArrayMinItems:
    case ValueErrorType.ArrayUniqueItems:
    case ValueErrorType.ObjectMaxProperties:
      return 'items';
    case ValueErrorType.StringFormat:
      return `format:${String(error.schema.format)}`;
    case ValueErrorType.StringPattern:
      return 'pattern';
    case ValueErrorType.Union:
      return 'oneOf';
    default:
      return 'type';
  }
}

/** JSON pointer `/person/givenName` -> `person.givenName`; the body itself is `body`. */
export function fieldOf(pointer: string): string {
  if (pointer === '') return 'body';
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~').slice(0, 64))
    .join('.');
}

const isNull = (schema: TSchema) => schema.type === 'null';

/** A value that may be null but is not: its problems are those of the declared type, not "matches neither". */
function* withoutNullableUnions(errors: Iterable<ValueError>): Generator<ValueError> {
  for (const error of errors) {
    const variants: TSchema[] = error.type === ValueErrorType.Union ? (error.schema.anyOf ?? []) : [];
    const declared = variants.findIndex((variant) => !isNull(variant));
    if (variants.length === 2 && variants.some(isNull) && error.value !== null && error.errors[declared]) yield* withoutNullableUnions(error.errors[declared]);
    else yield error;
  }
}

/** One problem per field, the most telling first; the value itself is never repeated (it may be personal). */
export function fieldProblems(errors: Iterable<ValueError>): FieldProblem[] {
  const byField = new Map<string, ValueError>();
  for (const error of withoutNullableUnions(errors)) {
    const field = fieldOf(error.path);
    const seen = byField.get(field);
    if (!seen || (FIRST.includes(error.type) && !FIRST.includes(seen.type))) byField.set(field, error);
  }
  return [...byField].map(([field, error]) => ({ field, message: messageOf(error), rule: ruleOf(error) }));
}
