import type { ProblemDetails } from '@vaccinate/api-contracts';
import { problemForStatus } from '@vaccinate/http-edge';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../../database/database-unavailable';
import { AppException } from './app-exception';
import { problem } from './problem-details';

export interface ProblemAnswer {
  body: ProblemDetails;
  retryAfterSeconds?: number;
}

/**
 * The answer to an error the API expects (a refusal it raised, the database being away); null for
 * anything else. The exception filter and the hooks that answer before the framework share it.
 */
export function knownProblem(exception: unknown, requestId: string): ProblemAnswer | null {
  if (exception instanceof AppException) {
    const body = appProblem(exception, requestId);
    return exception.retryAfterSeconds === undefined ? { body } : { body, retryAfterSeconds: exception.retryAfterSeconds };
  }
  if (isDatabaseUnavailable(exception)) {
    const body = problemForStatus(503, requestId, 'The service is starting or its database is unavailable. Try again shortly.');
    return { body, retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS };
  }
  return null;
}

/** The problem document of a refusal the API raised. */
export function appProblem(exception: AppException, requestId: string): ProblemDetails {
  return problem({
    status: exception.status,
    code: exception.code,
    requestId,
    title: exception.title,
    ...(exception.detail ? { detail: exception.detail } : {}),
    ...(exception.errors ? { errors: exception.errors } : {}),
  });
}
