import { describe, expect, it } from 'vitest';
import { platformChart, tenantChart } from '../charts';
import { find, helmRender, type Manifest } from '../testing/manifests';
import { tenantExample } from '../tenant/tenant-values';
import { platformExample } from './platform-values';

describe('the certificates function in the platform chart', () => {
  const manifests = helmRender(platformChart, platformExample);
  const tenant = helmRender(tenantChart, tenantExample);

  it('reads every tenant certificate secret from its Secret, the shared documents or one key per tenant', () => {
    const container = find(manifests, 'Deployment', 'certificates')['spec'].template.spec.containers[0];
    const env = container.env as Manifest[];
    expect(env.find((v) => v['name'] === 'CERTIFICATE_SECRETS')?.['valueFrom']).toEqual({
      secretKeyRef: { name: 'certificates-secrets', key: 'CERTIFICATE_SECRETS', optional: true },
    });
    // Each tenant's CERTIFICATE_ISSUER_<SLUG> key arrives through envFrom; the Secret itself must exist.
    expect(container.envFrom).toEqual([{ secretRef: { name: 'certificates-secrets' } }]);
    expect(env.find((v) => v['name'] === 'JWKS_URLS')?.['valueFrom'].secretKeyRef.optional).toBe(true);
    expect(env.find((v) => v['name'] === 'TRUSTED_PROXY_HOPS')?.['value']).toBe('1');
    expect(env.every((v) => v['name'] !== 'CERTIFICATE_SECRETS' || v['value'] === undefined)).toBe(true);
  });

  it("answers the tenants' Ingress through their ExternalName Service, and only the ingress controller reaches it", () => {
    const service = find(manifests, 'Service', 'certificates')['spec'];
    const externalName = find(tenant, 'Service', 'certificates')['spec'];
    expect(externalName.externalName).toBe('certificates.vaccinate-platform.svc.cluster.local');
    expect(externalName.ports[0].port).toBe(service.ports[0].port);
    const policy = find(manifests, 'NetworkPolicy', 'certificates')['spec'];
    expect(policy.ingress).toEqual([
      {
        from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
            podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
          },
        ],
        ports: [{ protocol: 'TCP', port: 8080 }],
      },
    ]);
  });

  it('reaches only DNS and the tenant APIs, which admit it', () => {
    const egress = find(manifests, 'NetworkPolicy', 'certificates')['spec'].egress as Manifest[];
    expect(egress.map((rule) => rule['ports'].map((p: Manifest) => p['port']))).toEqual([[53, 53], [3000]]);
    expect(egress[1]?.['to'][0].podSelector.matchLabels).toEqual(find(tenant, 'Deployment', 'api')['spec'].selector.matchLabels);
    const admitted = find(tenant, 'NetworkPolicy', 'api-from-certificates-function')['spec'].ingress[0].from[0].podSelector.matchLabels;
    expect(admitted).toEqual(find(manifests, 'Deployment', 'certificates')['spec'].selector.matchLabels);
  });

  it('is left out entirely when disabled', () => {
    const disabled = helmRender(platformChart, { ...platformExample, certificates: { ...platformExample.certificates, enabled: false } });
    expect(disabled.filter((m) => m['metadata'].name === 'certificates')).toEqual([]);
  });
});
