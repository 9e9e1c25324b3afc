import { resolve } from 'node:path';
import { parseTenantDirectory } from '@vaccinate/tenant-directory';
import { describe, expect, it } from 'vitest';
import { platformChart } from '../charts';
import { find, synthesize } from '../testing/manifests';
import { platformExample } from './platform-values';

describe('the platform chart', () => {
  const manifests = synthesize(platformChart, platformExample);

  it('renders one directory entry per tenant that libs/tenant-directory accepts once merged', () => {
    const data = find(manifests, 'ConfigMap', 'tenant-directory')['data'] as Record<string, string>;
    expect(Object.keys(data).sort()).toEqual(['acme.json', 'globex.json']);
    // The web server (apps/web/nginx) serves the entries merged in this shape.
    const directory = parseTenantDirectory({ version: 1, tenants: Object.values(data).map((entry) => JSON.parse(entry)) });
    expect(directory.tenants.map((tenant) => tenant.slug)).toEqual(['acme', 'globex']);
  });

  it('is merged by the web server into one directory document, ignoring ConfigMap bookkeeping files', async () => {
    type Merge = (files: { name: string; content: string }[]) => unknown;
    const webServer = resolve(__dirname, '..', '..', '..', 'apps', 'web', 'nginx', 'tenant-directory.js');
    const { default: directoryModule } = (await import(webServer)) as { default: { merge: Merge } };
    const data = find(manifests, 'ConfigMap', 'tenant-directory')['data'] as Record<string, string>;
    const files = [{ name: '..data', content: '' }, ...Object.entries(data).reverse().map(([name, content]) => ({ name, content }))];
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
