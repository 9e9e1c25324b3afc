import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHARTS } from './charts';
import { helmLint, helmTemplate } from './kubernetes/helm-cli';
import { promtoolCheckRules } from './kubernetes/promtool';
import { validateManifest } from './kubernetes/validate-manifest';

/**
 * `npm run check:charts`: real Helm on the committed charts, as an operator would run it. For each
 * chart and each values file under its ci/: `helm lint --strict`, then `helm template` for the oldest
 * and the newest Kubernetes the charts claim, each object validated against the Kubernetes schemas,
 * and each PrometheusRule's groups checked by Prometheus's own `promtool check rules`.
 */
const KUBE_VERSIONS = ['1.27.0', '1.35.0'];
const chartsDir = resolve(__dirname, '..', '..', 'charts');
const problems: string[] = [];
let objects = 0;
let ruleFiles = 0;

for (const { name } of CHARTS) {
  const chartDir = join(chartsDir, name);
  const valuesFiles = readdirSync(join(chartDir, 'ci'))
    .filter((file) => file.endsWith('-values.yaml'))
    .sort();
  if (valuesFiles.length === 0) problems.push(`${name}: no values files under ci/`);
  for (const file of valuesFiles) {
    const where = `${name} with ci/${file}`;
    try {
      helmLint(chartDir, join(chartDir, 'ci', file));
      for (const kubeVersion of KUBE_VERSIONS) {
        const manifests = helmTemplate(chartDir, join(chartDir, 'ci', file), kubeVersion);
        if (manifests.length === 0) throw new Error('helm template rendered nothing');
        for (const manifest of manifests) validateManifest(manifest);
        for (const rule of manifests.filter((manifest) => manifest['kind'] === 'PrometheusRule')) {
          promtoolCheckRules(rule);
          ruleFiles += 1;
        }
        objects += manifests.length;
      }
      console.log(`ok   ${where}: lint --strict, template for Kubernetes ${KUBE_VERSIONS.join(' and ')}, schemas`);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
      console.log(`FAIL ${where}`);
    }
  }
}

if (problems.length > 0) {
  console.error(`\n${problems.join('\n\n')}`);
  process.exitCode = 1;
} else {
  console.log(`${objects} rendered objects valid; ${ruleFiles} PrometheusRule renderings pass promtool check rules`);
}
