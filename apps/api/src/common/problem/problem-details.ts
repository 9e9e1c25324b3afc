import type { FieldProblem, ProblemDetails } from '@vaccinate/api-contracts';
import { activeTraceId } from '../../tracing/active-trace';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

export function titleForStatus(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Internal error' : 'Request refused');
}

export function problem(input: {
  status: number;
  code: string;
  requestId: string;
  title?: string;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
}): ProblemDetails {
  return {
    type: `https://vaccinate.example/problems/${input.code.replace(/\./g, '-')}`,
    title: input.title ?? titleForStatus(input.status),
    status: input.status,
    code: input.code,
    requestId: input.requestId,
    ...traceIdMember(),
    ...(input.detail ? { detail: input.detail } : {}),
    ...(input.instance ? { instance: input.instance } : {}),
    ...(input.errors ? { errors: input.errors } : {}),
  };
}

function traceIdMember(): { traceId?: string } {
  const traceId = activeTraceId();
  return traceId ? { traceId } : {};
}
