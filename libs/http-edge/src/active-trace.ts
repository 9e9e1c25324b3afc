import { isSpanContextValid, trace } from '@opentelemetry/api';

/** The ids of the span this code runs in; empty when tracing is off or nothing is traced. */
export function activeSpanIds(): { traceId?: string; spanId?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}

export function activeTraceId(): string | undefined {
  return activeSpanIds().traceId;
}
