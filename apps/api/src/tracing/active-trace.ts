import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';

export { activeSpanIds, activeTraceId } from '@vaccinate/http-edge';

/** The active trace as a W3C `traceparent` value, to store beside work done later; null when none. */
export function activeTraceParent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'] ?? null;
}

/** Adds the active trace's `traceparent` (and `tracestate`) to the headers of an outgoing call. */
export function withTraceHeaders(headers: Record<string, string>): Record<string, string> {
  const carrier: Record<string, string> = { ...headers };
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** Runs `work` in a client span continuing a stored `traceparent` (a new trace when there is none). */
export function inClientSpan<T>(name: string, traceParent: string | null, work: () => Promise<T>): Promise<T> {
  const parent = traceParent ? propagation.extract(ROOT_CONTEXT, { traceparent: traceParent }) : ROOT_CONTEXT;
  return trace.getTracer('api').startActiveSpan(name, { kind: SpanKind.CLIENT }, parent, async (span) => {
    try {
      return await work();
    } finally {
      span.end();
    }
  });
}
