import { App, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { CHARTS, tenantChart, type ChartDefinition } from './charts';
import { ValuesContext } from './helm/values-context';
import { TenantChart } from './tenant/tenant-chart';
import { tenantExample } from './tenant/tenant-values';
import { find, helmRender, podTemplates, synthesizeWithCdk8s, type Manifest } from './testing/manifests';
import { validateManifest } from './kubernetes/validate-manifest';

// Every values file CI lints, rendered by real Helm from the charts the current code writes.
const cases: [string, Manifest[]][] = (CHARTS as ReadonlyArray<ChartDefinition<object>>).flatMap((definition) =>
  Object.entries(definition.ciValues).map(([name, values]): [string, Manifest[]] => [`${definition.name} (ci/${name}-values.yaml)`, helmRender(definition, values)]),
);

describe.each(cases)('%s', (_, manifests) => {
  it('validates every manifest against the Kubernetes schemas', () => {
    expect(manifests.length).toBeGreaterThan(3);
    for (const manifest of manifests) validateManifest(manifest);
  });

  it('hardens every pod: non-root, read-only root, no capabilities, RuntimeDefault seccomp, no escalation', () => {
    const pods = podTemplates(manifests);
    expect(pods.length).toBeGreaterThan(0);
    for (const { owner, spec } of pods) {
      expect(spec.automountServiceAccountToken, owner).toBe(false);
      expect(spec.securityContext, owner).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(spec.securityContext.runAsUser, owner).toBeGreaterThan(0);
      for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
        const where = `${owner} container ${container.name}`;
        expect(container.securityContext, where).toMatchObject({
          runAsNonRoot: true,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          privileged: false,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        });
        expect(container.securityContext.capabilities.add, where).toBeUndefined();
        expect(container.resources?.requests, where).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
        expect(container.resources?.limits, where).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
      }
    }
  });

  it('leaves the replica count to an autoscaler and protects every Deployment with a disruption budget', () => {
    const deployments = manifests.filter((m) => m['kind'] === 'Deployment');
    for (const deployment of deployments) {
      const name = deployment['metadata'].name;
      const hpa = find(manifests, 'HorizontalPodAutoscaler', name);
      expect(hpa['spec'].scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect(deployment['spec'].replicas, name).toBeUndefined();
      expect(hpa['spec'].minReplicas).toBeGreaterThanOrEqual(2);
      const budget = find(manifests, 'PodDisruptionBudget', name);
      expect(budget['spec'].selector).toEqual(deployment['spec'].selector);
    }
  });

  it('gives every Deployment liveness and readiness probes', () => {
    for (const { owner, spec } of podTemplates(manifests).filter((pod) => pod.owner.startsWith('Deployment'))) {
      for (const container of spec.containers) {
        expect(container.livenessProbe?.httpGet, owner).toBeDefined();
        expect(container.readinessProbe?.httpGet, owner).toBeDefined();
      }
    }
  });

  it('selects pods with fixed labels that each pod template carries, never generated ones', () => {
    for (const m of manifests) {
      const selector = m['spec']?.selector?.matchLabels ?? (m['kind'] === 'Service' ? m['spec'].selector : undefined);
      if (!selector) continue;
      expect(JSON.stringify(selector)).not.toMatch(/cdk8s|[0-9a-f]{8}/);
    }
    for (const service of manifests.filter((m) => m['kind'] === 'Service' && m['spec'].type === 'ClusterIP')) {
      const matching = podTemplates(manifests).filter((pod) => Object.entries(service['spec'].selector as Record<string, string>).every(([k, v]) => pod.labels[k] === v));
      expect(
        matching.map((pod) => pod.owner),
        service['metadata'].name,
      ).toEqual([`Deployment/${service['metadata'].name}`]);
    }
  });
});

describe('selectors across renames', () => {
  function selectors(manifests: Manifest[]): unknown[] {
    return manifests.map((m) => [m['kind'], m['metadata'].name, m['spec']?.selector, m['spec']?.podSelector]);
  }

  it('keeps names and selectors when the chart or its constructs get another id', () => {
    const renamed = Testing.synth(new TenantChart(Testing.app(), 'renamed-tenant', new ValuesContext('concrete'), tenantExample));
    expect(selectors(renamed as Manifest[])).toEqual(selectors(synthesizeWithCdk8s(tenantChart, tenantExample)));
  });

  it('would notice a selector that changes', () => {
    const other = helmRender(tenantChart, tenantExample).map((m) =>
      m['kind'] === 'Deployment' ? { ...m, spec: { ...m['spec'], selector: { matchLabels: { x: 'y' } } } } : m,
    );
    expect(selectors(other)).not.toEqual(selectors(helmRender(tenantChart, tenantExample)));
  });
});

describe('chart definitions', () => {
  it('builds each chart in an App of its own', () => {
    for (const definition of CHARTS as ReadonlyArray<ChartDefinition<object>>) {
      expect(definition.build(new App(), new ValuesContext('concrete'), definition.example).toJson().length).toBeGreaterThan(0);
    }
  });
});
