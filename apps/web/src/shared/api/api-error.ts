import type { FieldProblem, ProblemDetails } from '@vaccinate/api-contracts';

/** The API answered with an error; `problem` is its RFC 9457 body (or one synthesized from the status). */
export class ApiProblemError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblemError';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  get fieldProblems(): FieldProblem[] {
    return this.problem.errors ?? [];
  }
}

/** The request never got an answer: offline, DNS, connection reset, CORS. */
export class ApiNetworkError extends Error {
  constructor(cause: unknown) {
    super('The API could not be reached', { cause });
    this.name = 'ApiNetworkError';
  }
}

/**
 * No answer within the time the caller allowed. The request may still have arrived: whoever
 * retries must send it so that doing it twice does no harm (a booking reuses its idempotency key).
 */
export class ApiTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms`);
    this.name = 'ApiTimeoutError';
  }
}
