import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NodeSDK, resources, tracing } from '@opentelemetry/sdk-node';
import type { MailerConfig } from './config/mailer-config';

/**
 * Starts OpenTelemetry: a server span per request continuing the caller's W3C `traceparent` (the
 * API's outbox), exported over OTLP/HTTP. Runs before the HTTP server module loads; null when off.
 */
export function startTracing(config: Pick<MailerConfig, 'tracing'>): NodeSDK | null {
  if (!config.tracing) return null;
  const sdk = new NodeSDK({
    resource: resources.resourceFromAttributes({ 'service.name': 'mailer', 'service.namespace': 'vaccinate' }),
    spanProcessors: [new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.tracing.otlpEndpoint}/v1/traces` }))],
    instrumentations: [new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => (request.url ?? '').startsWith('/health/') })],
  });
  sdk.start();
  return sdk;
}
