import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { certificateSecretId } from '@vaccinate/tenant-provisioning';
import { tracingEnvironment, type PlatformConfig } from './config/platform-config';
import { stopChild, waitUntilReady } from './child-process';
import type { LocalTenant } from './local-tenants';
import { tenantSecrets } from './local-secrets';

export interface CertificateService {
  url: string;
  stop(): Promise<void>;
}

/** The tenant's issuer URL: its PUBLIC_URL, the `iss` of its certificates. */
export function tenantPublicUrl(config: PlatformConfig, tenant: LocalTenant): string {
  return `http://${tenant.entry.slug}.localhost:${config.gatewayPort}`;
}

/**
 * The stateless certificates function, holding every tenant's certificate secret as the
 * platform's Kubernetes Secret would. Key sets are fetched from each API's port directly:
 * `*.localhost` names resolve in browsers, not necessarily in Node.
 */
export async function startCertificateService(config: PlatformConfig, tenants: LocalTenant[], log: (line: string) => void): Promise<CertificateService> {
  const secrets: Record<string, { id: string; secret: string }[]> = {};
  const jwksUrls: Record<string, string> = {};
  for (const tenant of tenants) {
    const issuer = tenantPublicUrl(config, tenant);
    const { certificateSecret } = await tenantSecrets(config.dataDir, tenant.entry.slug);
    secrets[issuer] = [{ id: certificateSecretId(tenant.entry.slug), secret: certificateSecret }];
    jwksUrls[issuer] = `http://127.0.0.1:${tenant.apiPort}/.well-known/jwks.json`;
  }
  const url = `http://127.0.0.1:${config.certificatesPort}`;
  const child: ChildProcess = spawn(process.execPath, [join(config.root, 'apps/certificates/dist/main.js')], {
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'development',
      PORT: String(config.certificatesPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      CERTIFICATE_SECRETS: JSON.stringify(secrets),
      JWKS_URLS: JSON.stringify(jwksUrls),
      // Behind the gateway, which sets X-Forwarded-For.
      TRUSTED_PROXY_HOPS: '1',
      ...tracingEnvironment(config),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitUntilReady(`${url}/health/ready`, child);
  log(`Certificates function on ${url}`);
  return { url, stop: () => stopChild(child) };
}
