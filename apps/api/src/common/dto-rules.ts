import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
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

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$/;

/** YYYY-MM-DD that exists in the calendar (no 2023-02-30) and that Postgres can store (year 0001-9999). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match || match[1] === '0000') return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date, or a date-time on an existing calendar date (ISO 8601, as the audit log filters take). */
export function isDateOrDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME.exec(value);
  return isCalendarDate(match ? match[1] : value);
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
export const IsDateOrDateTime = rule('isDateOrDateTime', isDateOrDateTime, 'must be a date or date-time (ISO 8601) that exists');
