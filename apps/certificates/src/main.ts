import { ConfigError, loadCertificatesConfig, type CertificatesConfig } from './config/certificates-config';
import { startCertificates } from './certificates';

async function main(): Promise<void> {
  let config: CertificatesConfig;
  try {
    config = loadCertificatesConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const certificates = await startCertificates(config);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    certificates.stop().then(
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
