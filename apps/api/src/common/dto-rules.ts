import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { isIsoDate } from '@vaccinate/api-contracts';
import { IsDefined, IsObject, IsOptional, ValidateNested, registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * A nested object field: present (unless optional), an object and not an array, and valid itself.
 * `@ValidateNested()` alone lets a missing value or an array through to the service.
 */
export function NestedObject(type: () => new () => object, options: { optional?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    options.optional ? IsOptional() : IsDefined({ message: 'is required' }),
    IsObject({ message: 'must be an object' }),
    ValidateNested(),
    Type(type),
  );
}

/** The contracts' date check, for the DTOs not yet moved to contracts. */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && isIsoDate(value);
}

function rule(name: string, test: (value: unknown) => boolean, message: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyKey) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyKey),
        options: { message, ...options },
        validator: { validate: test },
      });
}

/**
 * A finite number with at most `places` decimals. class-validator's `maxDecimalPlaces` throws on a
 * number written with an exponent (1e-323), which became a 500.
 */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  const test = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
  return rule('isDecimal', test, `must be a number with at most ${places} decimals`)(options);
}

export const IsCalendarDate = rule('isCalendarDate', isCalendarDate, 'must be a date that exists (YYYY-MM-DD)');
