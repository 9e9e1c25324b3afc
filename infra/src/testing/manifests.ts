import { Testing } from 'cdk8s';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHARTS, type ChartDefinition } from '../charts';
import { writeCharts } from '../helm/chart-writer';
import { ValuesContext } from '../helm/values-context';
import { helmTemplate } from '../kubernetes/helm-cli';

export type Manifest = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests walk arbitrary manifests

let chartsDir: string | undefined;

/** The charts as `npm run synth` writes them from the current code, once per test process. */
export function freshChartsDir(): string {
  if (!chartsDir) {
    const dir = mkdtempSync(join(tmpdir(), 'vaccinate-charts-'));
    writeCharts(CHARTS, dir);
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    chartsDir = dir;
  }
  return chartsDir;
}

/** What real `helm template` prints for the chart with these values: what an operator installs. */
export function helmRender<V extends object>(definition: ChartDefinition<V>, values: V): Manifest[] {
  return helmTemplate(join(freshChartsDir(), definition.name), values) as Manifest[];
}

/** The cdk8s chart synthesized with concrete values (no templates involved). */
export function synthesizeWithCdk8s<V extends object>(definition: ChartDefinition<V>, values: V): Manifest[] {
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
