import { FastifyOtelInstrumentation } from '@fastify/otel';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK, resources, tracing } from '@opentelemetry/sdk-node';
import type { ApiConfig } from '../config/api-config';

/** Paths no one needs a trace of: probes run every few seconds. */
const UNTRACED_PATHS = new Set(['/api/health/live', '/api/health/ready', '/metrics']);

/**
 * Starts OpenTelemetry: HTTP in and out (a caller's W3C `traceparent` is continued), Fastify,
 * Nest and pg, exported over OTLP/HTTP. It must run before those modules are first required,
 * since the instrumentations patch them as they load. Returns null when tracing is off.
 */
export function startTracing(config: Pick<ApiConfig, 'tracing' | 'tenantSlug'>): NodeSDK | null {
  if (!config.tracing) return null;
  const sdk = new NodeSDK({
    resource: resources.resourceFromAttributes({ 'service.name': 'api', 'service.namespace': 'vaccinate', 'tenant.slug': config.tenantSlug }),
    spanProcessors: [new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.tracing.otlpEndpoint}/v1/traces` }))],
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0] ?? '') }),
      new FastifyOtelInstrumentation({ registerOnInitialization: true }),
      new NestInstrumentation(),
      // Statement text only, never parameter values: they may be personal data.
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
    ],
  });
  sdk.start();
  return sdk;
}
