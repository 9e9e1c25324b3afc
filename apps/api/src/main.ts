import 'reflect-metadata';
import { ConfigError, loadApiConfig, processEnvironment } from './config/api-config';
import { startTracing } from './tracing/tracing';

async function main(): Promise<void> {
  let config;
  try {
    config = loadApiConfig(processEnvironment());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const tracing = startTracing(config);
  // Required only now: the tracing instrumentations patch http, pg, Fastify and Nest as they load.
  const { createApp } = await import('./bootstrap/create-app.js');
  const { createLogger } = await import('./common/logger.js');
  const { metricsOf } = await import('./metrics/api-metrics.js');
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, logger);
  if (tracing) app.getHttpServer().once('close', () => void tracing.shutdown());
  await app.listen({ port: config.port, host: config.host });
  const metrics = metricsOf(app);
  if (metrics && config.metrics) (await metrics.listen(config.metrics.port, config.host)).unref();
  logger.info({ tenant: config.tenantSlug, port: config.port, tracing: tracing !== null }, 'api listening');
}

main().catch((error: unknown) => {
  // Startup failures (database unreachable, ...) end the process; the orchestrator restarts it.
  process.stderr.write(`API failed to start: ${String((error as Error)?.message ?? error).split('\n')[0]}\n`);
  process.exit(1);
});
