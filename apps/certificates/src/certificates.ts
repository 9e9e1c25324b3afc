import type { DestinationStream } from 'pino';
import { CertificateOpenerService } from './certificate/certificate-opener.service';
import { CERTIFICATE_LOCALES } from './certificate/certificate-request';
import { IssuerKeySetCache, fetchJwks, type JwksFetcher } from './certificate/issuer-key-set.cache';
import type { CertificatesConfig } from './config/certificates-config';
import { createCertificatesHttpServer } from './http/certificates-http.server';
import { createCertificatesLogger } from './logging/certificates-logger';
import { renderCertificatePdf } from './pdf/certificate-pdf.renderer';
import { WARM_UP_RECORD } from './pdf/warm-up.record';

export interface RunningCertificates {
  port: number;
  url: string;
  /** Stops taking requests and lets running ones finish. */
  stop(): Promise<void>;
}

export interface StartCertificatesOptions {
  /** Log destination (tests capture it); stdout by default. */
  logDestination?: DestinationStream;
  /** Replaces fetching `<issuer>/.well-known/jwks.json` (tests). */
  jwksFetcher?: JwksFetcher;
  /** The verification clock (tests); the system clock by default. */
  now?: () => Date;
  /** The key-set cache's clock in milliseconds (tests hold it still); `Date.now` by default. */
  keySetClock?: () => number;
}

export async function startCertificates(config: CertificatesConfig, options: StartCertificatesOptions = {}): Promise<RunningCertificates> {
  const logger = createCertificatesLogger(config.logLevel, options.logDestination);
  const fetcher: JwksFetcher = options.jwksFetcher ?? ((issuer) => fetchJwks(issuer, config.jwksUrls.get(issuer)));
  const keySets = new IssuerKeySetCache(new Set(config.issuers.keys()), config.jwksTtlMs, fetcher, options.keySetClock);
  const opener = new CertificateOpenerService(config.issuers, keySets, options.now);
  const http = createCertificatesHttpServer({
    opener,
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustedProxyHops: config.trustedProxyHops,
    logger,
  });

  await http.app.listen({ port: config.port, host: config.host });
  for (const locale of CERTIFICATE_LOCALES) await renderCertificatePdf(WARM_UP_RECORD, locale);
  http.setReady(true);

  const address = http.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, issuers: config.issuers.size }, 'certificates ready');
  return {
    port,
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    async stop() {
      http.setReady(false);
      await http.app.close();
    },
  };
}
