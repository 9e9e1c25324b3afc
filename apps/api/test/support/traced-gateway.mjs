// The local gateway in a process of its own with tracing on, as `npm start` runs it: tracing starts
// before Fastify and the http client load. The routes come as JSON in GATEWAY_ROUTES.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServiceTracing } from '@vaccinate/http-edge';

const routes = JSON.parse(process.env.GATEWAY_ROUTES ?? '{}');
const tracing = startServiceTracing({ otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: 'gateway' });
const { createGateway } = await import(pathToFileURL(join(import.meta.dirname, '..', '..', '..', 'platform', 'dist', 'gateway.js')).href);
const gateway = createGateway({ ...routes, apiPorts: new Map(Object.entries(routes.apiPorts)) });
await gateway.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => {
  gateway
    .close()
    .then(() => tracing.shutdown())
    .finally(() => process.exit(0));
});
