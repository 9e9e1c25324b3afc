import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from '@vaccinate/api-contracts';
import { ValidationException } from './app-exception';
import { inputShapeProblems } from './input-shape';

// When a field breaks several rules, the one that says the most to a person comes first:
// "should not be empty" beats "must be shorter than 100 characters" for a missing name.
// A malformed e-mail address says more than its length (a missing one fails both).
const FIRST_RULES = ['whitelistValidation', 'isNotEmpty', 'isDefined', 'isString', 'isInt', 'isArray', 'isObject', 'isEmail'];

function mainConstraint(constraints: Record<string, string>): [string, string] | undefined {
  const entries = Object.entries(constraints);
  const rank = (name: string) => (FIRST_RULES.includes(name) ? FIRST_RULES.indexOf(name) : FIRST_RULES.length);
  return entries.sort(([a], [b]) => rank(a) - rank(b))[0];
}

/** One problem per field, nested fields as dotted paths. */
function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const main = mainConstraint(error.constraints ?? {});
    const own = main
      ? [{ field, message: main[0] === 'whitelistValidation' ? 'is not an accepted field' : withoutField(main[1], error.property) }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

// class-validator starts its messages with the property name; the field list already says it.
function withoutField(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/**
 * After conversion, no number may leave the safe integer range: `offset=99999999999999999999`
 * becomes 1e20, which `@IsInt()` accepts and Postgres does not.
 */
class SafeNumberValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const result: unknown = await super.transform(value, metadata);
    const problems = metadata.type === 'custom' ? [] : inputShapeProblems(result);
    if (problems.length > 0) throw new ValidationException(problems);
    return result;
  }
}

/** Whitelisting validation whose failures become a 400 problem with a field list. */
export function createValidationPipe(): ValidationPipe {
  return new SafeNumberValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationException(flatten(errors)),
  });
}
