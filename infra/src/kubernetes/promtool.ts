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
  const dir = mkdtempSync(join(tmpdir(), 'vaccinate-rules-'));
  try {
    const file = join(dir, 'rules.json');
    writeFileSync(file, JSON.stringify(rule['spec']));
    return execFileSync(PROMTOOL, ['check', 'rules', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { code, stdout, stderr } = error as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (code === 'ENOENT') throw new Error(`${PROMTOOL} not found: install Debian's prometheus package (apt-get install prometheus) or set PROMTOOL`);
    throw new Error(`promtool check rules failed:\n${stdout ?? ''}${stderr ?? ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
