import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE } from '@vaccinate/api-contracts';
import { problemForStatus, statusCodeOf } from '@vaccinate/http-edge';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { knownProblem, type ProblemAnswer } from './known-problem';
import { problem } from './problem-details';

/** Maps every error to `application/problem+json`; only unexpected ones are logged, without their data. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { body, retryAfterSeconds } = this.toProblem(exception, String(request.id));
    if (body.status === 500) {
      // The message of a driver error can quote values; log only its class and code.
      const error = exception as { name?: string; code?: unknown; stack?: string };
      this.logger.error({ err: { type: error?.name, code: error?.code, stack: redactStack(error?.stack) } }, 'unhandled error');
    }
    if (retryAfterSeconds !== undefined) void reply.header('retry-after', String(retryAfterSeconds));
    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }

  private toProblem(exception: unknown, requestId: string): ProblemAnswer {
    const known = knownProblem(exception, requestId);
    if (known) return known;
    const status = statusOf(exception);
    if (status !== undefined && (status < 500 || exception instanceof HttpException)) {
      return { body: problemForStatus(status, requestId) };
    }
    return { body: problem({ status: 500, code: 'internal', requestId, detail: 'Something went wrong on our side.' }) };
  }
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  // Fastify's own errors (bad JSON, body too large, wrong content type) carry a statusCode.
  return statusCodeOf(exception);
}

function redactStack(stack: string | undefined): string | undefined {
  // Keep the frames, drop the first line: it is the message.
  return stack?.split('\n').slice(1).join('\n');
}
