import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import { startServiceTracing } from '@vaccinate/http-edge';
import type { ApiConfig } from '../config/api-config';

/**
 * Starts OpenTelemetry: HTTP in and out (a caller's W3C `traceparent` is continued), Fastify,
 * Nest and pg, exported over OTLP/HTTP. It must run before those modules are first required,
 * since the instrumentations patch them as they load. Returns null when tracing is off.
 */
export function startTracing(config: Pick<ApiConfig, 'tracing' | 'tenantSlug'>): NodeSDK | null {
  if (!config.tracing) return null;
  return startServiceTracing({
    otlpEndpoint: config.tracing.otlpEndpoint,
    serviceName: 'api',
    attributes: { 'tenant.slug': config.tenantSlug },
    untracedPaths: new Set(['/api/health/live', '/api/health/ready', '/metrics']),
    // Statement text only, never parameter values: they may be personal data. Statements outside
    // any span (the job queue's polling, idle ticks) would each start a trace of their own.
    instrumentations: [new NestInstrumentation(), new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true })],
  });
}
