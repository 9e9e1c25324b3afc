/** One invalid input field; `field` is a dotted path into the request body or query. */
export interface FieldProblem {
  field: string;
  message: string;
  /**
   * Which rule the value broke, stable for translations: `required`, `unknown`, `type`, `length`,
   * `range`, `items`, `pattern`, `oneOf` or `format:<name>` (e.g. `format:email`).
   */
  rule?: string;
}

/** RFC 9457 problem details, as every API error is answered (`application/problem+json`). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Stable machine-readable code, e.g. `person.not_found`. */
  code: string;
  requestId: string;
  /** W3C trace id of the request, when tracing is on: what an operator searches the traces for. */
  traceId?: string;
  errors?: FieldProblem[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
