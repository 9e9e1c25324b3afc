import { startServiceTracing } from '@vaccinate/http-edge';
import { ConfigError, loadCertificatesConfig, type CertificatesConfig } from './config/certificates-config';

async function main(): Promise<void> {
  let config: CertificatesConfig;
  try {
    config = loadCertificatesConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const tracing = config.tracing
    ? startServiceTracing({ otlpEndpoint: config.tracing.otlpEndpoint, serviceName: 'certificates', untracedPaths: new Set(['/health/live', '/health/ready']) })
    : null;
  // Required only now: the tracing instrumentations patch http and Fastify as they load.
  const { startCertificates } = await import('./certificates.js');
  const certificates = await startCertificates(config);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    certificates
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
  process.stderr.write(`The certificates function could not start: ${(error as Error).name}\n`);
  process.exit(1);
});
