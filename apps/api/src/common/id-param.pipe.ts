import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationException } from './problem/app-exception';

/** Route ids are UUIDs; anything else is a 400 naming the parameter, not a database error. */
export const uuidParam = (name = 'id', options: { optional?: boolean } = {}) =>
  new ParseUUIDPipe({
    version: '4',
    optional: options.optional ?? false,
    exceptionFactory: () => new ValidationException([{ field: name, message: 'must be a UUID' }]),
  });
