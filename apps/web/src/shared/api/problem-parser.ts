import { PROBLEM_CONTENT_TYPE, type FieldProblem, type ProblemDetails } from '@vaccinate/api-contracts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function parseFieldProblems(value: unknown): FieldProblem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const problems = value.flatMap((item): FieldProblem[] =>
    isRecord(item) && typeof item['field'] === 'string' && typeof item['message'] === 'string'
      ? [{ field: item['field'], message: item['message'], ...(typeof item['rule'] === 'string' ? { rule: item['rule'] } : {}) }]
      : [],
  );
  return problems.length > 0 ? problems : undefined;
}

/** What a status means when the body is no problem document (a proxy's HTML page, an empty 502). */
export function problemFromStatus(status: number, statusText = ''): ProblemDetails {
  return {
    type: 'about:blank',
    title: statusText || `HTTP ${status}`,
    status,
    code: `http.${status}`,
    requestId: '',
  };
}

/**
 * Reads an error answer into ProblemDetails. Anything the body does not say well is filled from
 * the HTTP status, so callers can rely on every field and never show a raw body to a person.
 */
export async function parseProblemResponse(response: Response): Promise<ProblemDetails> {
  const fallback = problemFromStatus(response.status, response.statusText);
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes(PROBLEM_CONTENT_TYPE) && !contentType.includes('application/json')) return fallback;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fallback;
  }
  if (!isRecord(body)) return fallback;
  const detail = optionalText(body['detail']);
  const instance = optionalText(body['instance']);
  const errors = parseFieldProblems(body['errors']);
  return {
    type: optionalText(body['type']) ?? fallback.type,
    title: optionalText(body['title']) ?? fallback.title,
    // The HTTP status is authoritative; a body claiming another one is ignored.
    status: response.status,
    code: optionalText(body['code']) ?? fallback.code,
    requestId: optionalText(body['requestId']) ?? response.headers.get('x-request-id') ?? '',
    ...(detail ? { detail } : {}),
    ...(instance ? { instance } : {}),
    ...(errors ? { errors } : {}),
  };
}
