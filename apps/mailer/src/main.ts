import { ConfigError, loadMailerConfig, type MailerConfig } from './config/mailer-config';
import { startServiceTracing } from '@vaccinate/http-edge';

async function main(): Promise<void> {
  let config: MailerConfig;
  try {
    config = loadMailerConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  // A server span per request continuing the caller's (the outbox's) trace; none for the probes.
  const tracing = config.tracing
    ? startServiceTracing({ otlpEndpoint: config.tracing.otlpEndpoint, serviceName: 'mailer', untracedPaths: new Set(['/health/live', '/health/ready']) })
    : null;
  // Required only now: the tracing instrumentations patch http and Fastify as they load.
  const { startMailer } = await import('./mailer.js');
  const mailer = await startMailer(config);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    mailer
      .stop()
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`The mailer could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
