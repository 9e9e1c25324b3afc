import type { FieldProblem } from '@vaccinate/api-contracts';

/**
 * Base of every domain exception: a stable code, an HTTP status and a title a person can read.
 * Feature modules subclass it with their own code enum (see PersonException).
 */
export class AppException extends Error {
  /** Sent as `Retry-After` when set (429, 503). */
  retryAfterSeconds?: number;

  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldProblem[],
  ) {
    super(title);
    this.name = new.target.name;
  }
}

export class ValidationException extends AppException {
  constructor(errors: FieldProblem[]) {
    super('request.invalid', 400, 'The request has invalid fields', 'Correct the listed fields and try again.', errors);
  }
}
