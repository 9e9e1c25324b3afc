import { isCalendarDate } from '../../../common/dto-rules';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** An ISO calendar date (YYYY-MM-DD) that exists, is not in the future and not before 1900. */
export function IsBirthDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isBirthDate',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: 'must be a date (YYYY-MM-DD) between 1900-01-01 and today', ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isPlausibleBirthDate(value),
      },
    });
}

export function isPlausibleBirthDate(value: string, today = new Date()): boolean {
  if (!isCalendarDate(value)) return false;
  return value >= '1900-01-01' && value <= today.toISOString().slice(0, 10);
}

export const NAME_MAX = 100;
export const PHONE_PATTERN = /^\+?[0-9 ()/-]{5,30}$/;
export const EMPLOYEE_NUMBER_PATTERN = /^[A-Za-z0-9 ._/-]{1,40}$/;
