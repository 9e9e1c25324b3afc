import { resolve } from 'node:path';
import { parseTenantDirectory } from '@vaccinate/tenant-directory';
import { describe, expect, it } from 'vitest';
import { platformChart, tenantChart } from '../charts';
import { find, podTemplates, helmRender, type Manifest } from '../testing/manifests';
import { tenantExample } from '../tenant/tenant-values';
import { TENANT_NAMESPACE_LABEL } from '../workload/labels';
import { platformCiValues, platformExample } from './platform-values';

describe('the platform chart', () => {
  const manifests = helmRender(platformChart, platformExample);

  it('renders one directory entry per tenant that libs/tenant-directory accepts once merged', () => {
    const data = find(manifests, 'ConfigMap', 'tenant-directory')['data'] as Record<string, string>;
    expect(Object.keys(data).sort()).toEqual(['acme.json', 'globex.json']);
    // The web server (apps/web/nginx) serves the entries merged in this shape.
    const directory = parseTenantDirectory({ version: 1, tenants: Object.values(data).map((entry) => JSON.parse(entry)) });
    expect(directory.tenants.map((tenant) => tenant.slug)).toEqual(['acme', 'globex']);
  });

  it("carries each tenant's phone region to the web app, German for an entry that names none", () => {
    const data = find(manifests, 'ConfigMap', 'tenant-directory')['data'] as Record<string, string>;
    expect(JSON.parse(data['acme.json'] ?? '{}')).not.toHaveProperty('phoneRegion');
    const directory = parseTenantDirectory({ version: 1, tenants: Object.values(data).map((entry) => JSON.parse(entry)) });
    expect(directory.tenants.map((tenant) => [tenant.slug, tenant.phoneRegion])).toEqual([
      ['acme', 'DE'],
      ['globex', 'AT'],
    ]);
  });

  it('is merged by the web server into one directory document, ignoring ConfigMap bookkeeping files', async () => {
    type Merge = (files: { name: string; content: string }[]) => unknown;
    const webServer = resolve(__dirname, '..', '..', '..', 'apps', 'web', 'nginx', 'tenant-directory.js');
    const { default: directoryModule } = (await import(webServer)) as { default: { merge: Merge } };
    const data = find(manifests, 'ConfigMap', 'tenant-directory')['data'] as Record<string, string>;
    const files = [
      { name: '..data', content: '' },
      ...Object.entries(data)
        .reverse()
        .map(([name, content]) => ({ name, content })),
    ];
    const directory = parseTenantDirectory(directoryModule.merge(files));
    expect(directory.tenants.map((tenant) => tenant.slug)).toEqual(['acme', 'globex']);
  });

  it('mounts the directory read-only into the web server and writes only to an emptyDir', () => {
    const pod = find(manifests, 'Deployment', 'web')['spec'].template.spec;
    expect(pod.containers[0].volumeMounts).toEqual([
      { name: 'tmp', mountPath: '/tmp' },
      { name: 'tenant-directory', mountPath: '/etc/vaccinate/tenant-directory', readOnly: true },
    ]);
    expect(pod.volumes[1]).toEqual({ name: 'tenant-directory', configMap: { name: 'tenant-directory' } });
  });

  it('lets only the ingress controller reach the web server', () => {
    const policy = find(manifests, 'NetworkPolicy', 'web-from-ingress-controller');
    expect(policy['spec'].ingress[0].ports).toEqual([{ protocol: 'TCP', port: 8080 }]);
    expect(find(manifests, 'NetworkPolicy', 'default-deny')['spec'].policyTypes).toEqual(['Ingress', 'Egress']);
  });
});

describe('the mailer function', () => {
  const manifests = helmRender(platformChart, platformExample);
  const pod = find(manifests, 'Deployment', 'mailer')['spec'].template;
  const tenant = helmRender(tenantChart, { ...tenantExample, namespace: { enabled: true, name: 'tenant-acme' } });
  const matches = (selector: Record<string, string>, labels: Record<string, string>): boolean => Object.entries(selector).every(([key, value]) => labels[key] === value);

  it('runs as a hardened, autoscaled Deployment (the chart-wide hardening test covers it)', () => {
    expect(podTemplates(manifests).map((p) => p.owner)).toContain('Deployment/mailer');
    expect(find(manifests, 'HorizontalPodAutoscaler', 'mailer')['spec'].scaleTargetRef.name).toBe('mailer');
    expect(find(manifests, 'PodDisruptionBudget', 'mailer')['spec'].maxUnavailable).toBe(1);
  });

  it('reads its credentials from the mailer Secret; only the shared key is required', () => {
    type Env = { name: string; value?: string; valueFrom?: { secretKeyRef: Manifest } };
    const env = pod.spec.containers[0].env as Env[];
    expect(env.filter((v) => v.value !== undefined).map((v) => v.name)).toEqual(['NODE_ENV', 'PORT', 'HOST', 'LOG_LEVEL', 'MAIL_PROVIDER', 'MAIL_FROM']);
    expect(env.filter((v) => v.valueFrom).map((v) => [v.name, v.valueFrom?.secretKeyRef])).toEqual([
      ['MAILER_API_KEY', { name: 'mailer-secrets', key: 'MAILER_API_KEY' }],
      ['SMTP_URL', { name: 'mailer-secrets', key: 'SMTP_URL', optional: true }],
      ['MAILJET_API_KEY', { name: 'mailer-secrets', key: 'MAILJET_API_KEY', optional: true }],
      ['MAILJET_API_SECRET', { name: 'mailer-secrets', key: 'MAILJET_API_SECRET', optional: true }],
    ]);
    expect(pod.spec.containers[0].readinessProbe.httpGet.path).toBe('/health/ready');
    expect(pod.spec.containers[0].livenessProbe.httpGet.path).toBe('/health/live');
  });

  it("answers at the tenant chart's default mailer URL, and tenant APIs may reach its pods", () => {
    const service = find(manifests, 'Service', 'mailer');
    expect(service['spec'].ports).toEqual([{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }]);
    expect(tenantChart.defaults.mailer.url).toBe(`http://mailer.${tenantChart.defaults.networkPolicy.platformNamespace}.svc.cluster.local:8080`);
    const tenantEgress = find(tenant, 'NetworkPolicy', 'api-egress')['spec'].egress as Manifest[];
    const toPlatform = tenantEgress.find((rule) => rule['to'][0].podSelector?.matchLabels['vaccinate.io/platform-function']);
    expect(matches(toPlatform?.['to'][0].podSelector.matchLabels, pod.metadata.labels)).toBe(true);
    expect(toPlatform?.['ports']).toEqual([{ protocol: 'TCP', port: 8080 }]);
  });

  it('admits only API pods of tenant namespaces, on its port', () => {
    const policy = find(manifests, 'NetworkPolicy', 'mailer')['spec'];
    expect(policy.podSelector.matchLabels).toEqual(find(manifests, 'Deployment', 'mailer')['spec'].selector.matchLabels);
    expect(policy.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.ingress).toEqual([
      {
        from: [
          {
            namespaceSelector: { matchExpressions: [{ key: 'vaccinate.io/tenant', operator: 'Exists' }] },
            podSelector: { matchLabels: { 'app.kubernetes.io/name': 'vaccinate-api', 'app.kubernetes.io/component': 'api' } },
          },
        ],
        ports: [{ protocol: 'TCP', port: 8080 }],
      },
    ]);
    // The selectors match what the tenant chart (and Terraform) put on namespaces and API pods.
    expect(find(tenant, 'Namespace', 'tenant-acme')['metadata'].labels[TENANT_NAMESPACE_LABEL]).toBe('acme');
    const apiLabels = find(tenant, 'Deployment', 'api')['spec'].template.metadata.labels;
    expect(matches(policy.ingress[0].from[0].podSelector.matchLabels, apiLabels)).toBe(true);
    const migrationLabels = find(tenant, 'Job', 'api-migrate')['spec'].template.metadata.labels;
    expect(matches(policy.ingress[0].from[0].podSelector.matchLabels, migrationLabels)).toBe(false);
  });

  it('reaches only DNS and the mail provider on submission, SMTPS and HTTPS', () => {
    const egress = find(manifests, 'NetworkPolicy', 'mailer')['spec'].egress as Manifest[];
    for (const rule of egress) {
      expect(rule['to']?.length, 'an egress rule without "to" allows every destination').toBeGreaterThan(0);
      expect(rule['ports']?.length, 'an egress rule without ports allows every port').toBeGreaterThan(0);
    }
    expect(egress).toEqual([
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      },
      {
        to: [{ ipBlock: { cidr: '0.0.0.0/0' } }],
        ports: [587, 465, 443].map((port) => ({ protocol: 'TCP', port })),
      },
    ]);
  });

  it('is left out entirely when disabled', () => {
    const disabled = helmRender(platformChart, { ...platformExample, mailer: { ...platformExample.mailer, enabled: false } });
    expect(disabled.filter((m) => m['metadata'].name === 'mailer')).toEqual([]);
    expect(disabled.find((m) => m['kind'] === 'Deployment' && m['metadata'].name === 'web')).toBeDefined();
  });
});

describe("the platform functions' traces", () => {
  it.each(['mailer', 'certificates'])('%s: reach the collector only when tracing is on, and only its namespace and port', (app) => {
    const traced = helmRender(platformChart, platformCiValues['every-option'] ?? platformExample);
    const env = (manifests: Manifest[]) => find(manifests, 'Deployment', app)['spec'].template.spec.containers[0].env as { name: string; value?: string }[];
    expect(env(traced).find((v) => v.name === 'OTEL_EXPORTER_OTLP_ENDPOINT')?.value).toBe('http://otel-collector.observability.svc.cluster.local:4318');
    expect(find(traced, 'NetworkPolicy', `${app}-to-otlp-collector`)['spec']).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': `vaccinate-${app}`, 'app.kubernetes.io/component': app } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'observability' } } }], ports: [{ protocol: 'TCP', port: 4318 }] }],
    });
    const untraced = helmRender(platformChart, platformExample);
    expect(env(untraced).map((v) => v.name)).not.toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
    expect(() => find(untraced, 'NetworkPolicy', `${app}-to-otlp-collector`)).toThrow();
  });
});
