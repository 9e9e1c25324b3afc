import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RenderedManifest } from './helm-cli';

/** Debian's `prometheus` package ships it (.ci/run installs it); no npm package carries Prometheus's binaries. */
const PROMTOOL = process.env['PROMTOOL'] ?? 'promtool';

/**
 * `promtool check rules` on a rendered PrometheusRule: its `spec` is a Prometheus rules file, so
 * Prometheus itself parses every expression, duration, label and annotation template.
 */
export function promtoolCheckRules(rule: RenderedManifest): string {
  return withRulesFile(rule, 'check rules', (file) => ['check', 'rules', file]);
}

/** One test of a `promtool test rules` file: series fed in, the alerts expected at given times. */
export interface PromtoolRuleTest {
  interval: string;
  input_series: { series: string; values: string }[];
  alert_rule_test: { eval_time: string; alertname: string; exp_alerts: { exp_labels: Record<string, string>; exp_annotations: Record<string, string> }[] }[];
}

/** `promtool test rules`: Prometheus evaluates the rendered rules over the given series and compares the alerts. */
export function promtoolTestRules(rule: RenderedManifest, tests: PromtoolRuleTest[], evaluationInterval = '1m'): string {
  return withRulesFile(rule, 'test rules', (file, dir) => {
    const testFile = join(dir, 'tests.json');
    writeFileSync(testFile, JSON.stringify({ rule_files: [file], evaluation_interval: evaluationInterval, tests }));
    return ['test', 'rules', testFile];
  });
}

function withRulesFile(rule: RenderedManifest, what: string, argsFor: (file: string, dir: string) => string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'vaccinate-rules-'));
  try {
    const file = join(dir, 'rules.json');
    writeFileSync(file, JSON.stringify(rule['spec']));
    return execFileSync(PROMTOOL, argsFor(file, dir), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { code, stdout, stderr } = error as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (code === 'ENOENT') throw new Error(`${PROMTOOL} not found: install Debian's prometheus package (apt-get install prometheus) or set PROMTOOL`);
    throw new Error(`promtool ${what} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
