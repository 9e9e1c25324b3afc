import { trace } from '@opentelemetry/api';
import { node } from '@opentelemetry/sdk-node';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger';

describe('log lines and traces', () => {
  const provider = new node.NodeTracerProvider();
  provider.register();
  afterAll(() => provider.shutdown());

  it('carry the trace and span id of the active span, and none outside one', () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    const logger = createLogger('info', sink);
    const ids = trace.getTracer('test').startActiveSpan('request', (span) => {
      logger.info('inside');
      span.end();
      return span.spanContext();
    });
    logger.info('outside');

    expect(lines.find((line) => line['msg'] === 'inside')).toMatchObject({ traceId: ids.traceId, spanId: ids.spanId });
    expect(ids.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(lines.find((line) => line['msg'] === 'outside')).not.toHaveProperty('traceId');
  });
});
