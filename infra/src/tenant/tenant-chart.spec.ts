import { API_ENVIRONMENT_VARIABLES, apiEnvironment, generateTenantSecrets } from '@vaccinate/tenant-provisioning';
import { describe, expect, it } from 'vitest';
import { tenantChart } from '../charts';
import { find, synthesize, type Manifest } from '../testing/manifests';
import { tenantExample, type TenantValues } from './tenant-values';

const oidc = { issuer: 'https://id.acme.example', clientId: 'vacc', rolesClaim: 'groups', roleMap: 'g:admin' };
const manifests = synthesize(tenantChart, { ...tenantExample, oidc } satisfies TenantValues);
const deployment = find(manifests, 'Deployment', 'api');
const job = find(manifests, 'Job', 'api-migrate');
type EnvVar = { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } };
const envOf = (container: Manifest): EnvVar[] => container['env'] as EnvVar[];

describe('the API environment', () => {
  const serverVariables = API_ENVIRONMENT_VARIABLES.filter((variable) => !variable.bootstrapOnly);

  it('gives the API server exactly the variables the launcher knows, secrets from the Secret', () => {
    const env = envOf(deployment['spec'].template.spec.containers[0]);
    expect(env.map((v) => v.name).sort()).toEqual(serverVariables.map((v) => v.name).sort());
    for (const variable of serverVariables) {
      const entry = env.find((v) => v.name === variable.name);
      if (variable.secret) expect(entry?.valueFrom?.secretKeyRef, variable.name).toEqual({ name: 'api-secrets', key: variable.name });
      else expect(entry?.value, variable.name).toEqual(expect.any(String));
    }
  });

  it('sets every variable the local launcher sets (the launcher may only add bootstrap ones)', () => {
    const launcher = apiEnvironment({
      slug: 'acme',
      publicUrl: 'http://acme.localhost:8080',
      databaseUrl: 'postgres://x',
      secrets: generateTenantSecrets(),
      port: 3101,
      initialAdminEmail: 'a@acme.example',
    });
    const chartNames = new Set(envOf(job['spec'].template.spec.containers[0]).map((v) => v.name));
    expect(Object.keys(launcher).filter((name) => !chartNames.has(name))).toEqual([]);
  });

  it('gives both migration steps every variable, including the bootstrap ones', () => {
    const pod = job['spec'].template.spec;
    expect(pod.initContainers.map((c: Manifest) => c['args'])).toEqual([['dist/cli.js', 'migrate']]);
    expect(pod.containers.map((c: Manifest) => c['args'])).toEqual([['dist/cli.js', 'bootstrap-admin']]);
    for (const container of [...pod.initContainers, ...pod.containers]) {
      expect(envOf(container).map((v) => v.name).sort()).toEqual(API_ENVIRONMENT_VARIABLES.map((v) => v.name).sort());
    }
    expect(job['metadata'].annotations['helm.sh/hook']).toBe('pre-install,pre-upgrade');
  });
});

describe('network policies', () => {
  const policies = manifests.filter((m) => m['kind'] === 'NetworkPolicy');

  it('denies all traffic in the namespace unless a policy allows it', () => {
    const deny = find(manifests, 'NetworkPolicy', 'default-deny');
    expect(deny['spec']).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });

  it('lets only the ingress controller reach the API, on its port', () => {
    const ingressRules = policies.flatMap((p) => (p['spec'].ingress ?? []) as Manifest[]);
    expect(ingressRules).toEqual([
      {
        from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
            podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
          },
        ],
        ports: [{ protocol: 'TCP', port: 3000 }],
      },
    ]);
  });

  it('lets the API and the migration reach only DNS, Postgres and the platform functions', () => {
    const egress = find(manifests, 'NetworkPolicy', 'api-egress');
    expect(egress['spec'].podSelector.matchExpressions[0].values).toEqual(['api', 'migration']);
    const rules = egress['spec'].egress as Manifest[];
    for (const rule of rules) {
      expect(rule['to']?.length, 'an egress rule without "to" allows every destination').toBeGreaterThan(0);
      expect(rule['ports']?.length, 'an egress rule without ports allows every port').toBeGreaterThan(0);
    }
    expect(rules.map((rule) => rule['to'][0])).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } },
      { ipBlock: { cidr: '10.20.0.0/24' } },
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'vaccinate-platform' } },
        podSelector: { matchLabels: { 'vaccinate.io/platform-function': 'true' } },
      },
    ]);
    expect(policies.flatMap((p) => p['spec'].egress ?? []).length).toBe(3);
  });
});

describe('routing', () => {
  it("routes /api to the tenant's API and / to the platform's web Service on every tenant host", () => {
    const ingress = find(manifests, 'Ingress', 'api');
    expect(ingress['spec'].rules.map((rule: Manifest) => rule['host'])).toEqual(tenantExample.ingress.hosts);
    for (const rule of ingress['spec'].rules as Manifest[]) {
      expect(rule['http'].paths.map((p: Manifest) => [p['path'], p['backend'].service.name])).toEqual([
        ['/api', 'api'],
        ['/.well-known/jwks.json', 'api'],
        ['/', 'web'],
      ]);
    }
    expect(find(manifests, 'Service', 'web')['spec']).toMatchObject({
      type: 'ExternalName',
      externalName: 'web.vaccinate-platform.svc.cluster.local',
    });
  });
});
