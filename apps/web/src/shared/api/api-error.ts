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
