import { FastifyOtelInstrumentation } from '@fastify/otel';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NodeSDK, resources, tracing, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';

export interface ServiceTracing {
  /** OTLP/HTTP base URL (`OTEL_EXPORTER_OTLP_ENDPOINT`); spans go to `<url>/v1/traces`. */
  otlpEndpoint: string;
  serviceName: string;
  /** Resource attributes beside the service name, e.g. the tenant. */
  attributes?: Record<string, string>;
  /** Paths no one needs a trace of: probes run every few seconds. */
  untracedPaths?: ReadonlySet<string>;
  /** What the service needs beyond HTTP in and out and Fastify (Nest, pg). */
  instrumentations?: NodeSDKConfiguration['instrumentations'];
}

/**
 * Starts OpenTelemetry for a Fastify service: a server span per request continuing the caller's W3C
 * `traceparent`, Fastify's hooks and handlers, outgoing HTTP (which sends `traceparent` on), exported
 * over OTLP/HTTP. It must run before those modules are first required: the instrumentations patch
 * them as they load.
 */
export function startServiceTracing(options: ServiceTracing): NodeSDK {
  const untraced = options.untracedPaths ?? new Set<string>();
  const sdk = new NodeSDK({
    resource: resources.resourceFromAttributes({ 'service.name': options.serviceName, 'service.namespace': 'vaccinate', ...options.attributes }),
    spanProcessors: [new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint}/v1/traces` }))],
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => untraced.has((request.url ?? '').split('?')[0] ?? '') }),
      new FastifyOtelInstrumentation({ registerOnInitialization: true }),
      ...(options.instrumentations ?? []),
    ],
  });
  sdk.start();
  return sdk;
}
