import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { DestinationStream } from 'pino';
import { CertificateOpenerService } from './certificate/certificate-opener.service';
import { CERTIFICATE_LOCALES } from './certificate/certificate-request';
import { IssuerKeySetCache, fetchJwks, type JwksFetcher } from './certificate/issuer-key-set.cache';
import type { CertificatesConfig } from './config/certificates-config';
import { createCertificatesHttpServer } from './http/certificates-http.server';
import { RateLimiter } from './http/rate-limiter';
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
}

export async function startCertificates(config: CertificatesConfig, options: StartCertificatesOptions = {}): Promise<RunningCertificates> {
  const logger = createCertificatesLogger(config.logLevel, options.logDestination);
  const fetcher: JwksFetcher = options.jwksFetcher ?? ((issuer) => fetchJwks(issuer, config.jwksUrls.get(issuer)));
  const keySets = new IssuerKeySetCache(new Set(config.issuers.keys()), config.jwksTtlMs, fetcher);
  const opener = new CertificateOpenerService(config.issuers, keySets, options.now);
  const http = createCertificatesHttpServer({
    opener,
    rateLimiter: new RateLimiter(config.rateLimitPerMinute),
    trustedProxyHops: config.trustedProxyHops,
    logger,
  });

  http.server.listen(config.port, config.host);
  await Promise.race([once(http.server, 'listening'), once(http.server, 'error').then(([error]) => Promise.reject(error as Error))]);
  for (const locale of CERTIFICATE_LOCALES) await renderCertificatePdf(WARM_UP_RECORD, locale);
  http.setReady(true);

  const port = (http.server.address() as AddressInfo).port;
  logger.info({ port, issuers: config.issuers.size }, 'certificates ready');
  return {
    port,
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    async stop() {
      http.setReady(false);
      const closed = new Promise<void>((resolve) => http.server.close(() => resolve()));
      http.server.closeIdleConnections();
      await closed;
    },
  };
}
