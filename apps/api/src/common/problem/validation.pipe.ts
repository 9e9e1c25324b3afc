import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from '@vaccinate/api-contracts';
import { ValidationException } from './app-exception';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: constraint === 'whitelistValidation' ? 'is not an accepted field' : withoutField(message, error.property),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

// class-validator starts its messages with the property name; the field list already says it.
function withoutField(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/** Whitelisting validation whose failures become a 400 problem with a field list. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationException(flatten(errors)),
  });
}
