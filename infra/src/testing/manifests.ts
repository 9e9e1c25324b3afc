import { Testing } from 'cdk8s';
import type { ChartDefinition } from '../charts';
import { ValuesContext } from '../helm/values-context';

export type Manifest = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests walk arbitrary manifests

/** cdk8s Testing.synth of a chart with concrete values. */
export function synthesize<V extends object>(definition: ChartDefinition<V>, values: V): Manifest[] {
  return Testing.synth(definition.build(Testing.app(), new ValuesContext('concrete'), values)) as Manifest[];
}

export function find(manifests: Manifest[], kind: string, name: string): Manifest {
  const found = manifests.find((m) => m['kind'] === kind && m['metadata']?.name === name);
  if (!found) throw new Error(`no ${kind} "${name}"`);
  return found;
}

/** Pod templates of every workload (Deployment, Job). */
export function podTemplates(manifests: Manifest[]): { owner: string; spec: Manifest; labels: Record<string, string> }[] {
  return manifests
    .filter((m) => m['kind'] === 'Deployment' || m['kind'] === 'Job')
    .map((m) => ({
      owner: `${m['kind']}/${m['metadata'].name}`,
      spec: m['spec'].template.spec,
      labels: m['spec'].template.metadata.labels,
    }));
}
