import 'reflect-metadata';
import { createApp } from './bootstrap/create-app';
import { createLogger } from './common/logger';
import { ConfigError, loadApiConfig, processEnvironment } from './config/api-config';
import { metricsOf } from './metrics/api-metrics';

async function main(): Promise<void> {
  let config;
  try {
    config = loadApiConfig(processEnvironment());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, logger);
  await app.listen({ port: config.port, host: config.host });
  const metrics = metricsOf(app);
  if (metrics && config.metrics) (await metrics.listen(config.metrics.port, config.host)).unref();
  logger.info({ tenant: config.tenantSlug, port: config.port }, 'api listening');
}

main().catch((error: unknown) => {
  // Startup failures (database unreachable, ...) end the process; the orchestrator restarts it.
  process.stderr.write(`API failed to start: ${String((error as Error)?.message ?? error).split('\n')[0]}\n`);
  process.exit(1);
});
