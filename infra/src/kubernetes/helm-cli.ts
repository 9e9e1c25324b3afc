import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { k8sTools } from './k8s-tools';

export type RenderedManifest = Record<string, unknown>;

interface ExecFailure {
  stdout?: string;
  stderr?: string;
  status?: number | null;
  signal?: string | null;
  code?: string;
}

function helm(args: string[], attempt = 1): string {
  try {
    return execFileSync(k8sTools().helm, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (error) {
    const { stdout, stderr, status, signal, code } = error as ExecFailure;
    // Helm that never ran or was killed (no exit status) says nothing about the chart: once more, then report how it ended.
    if (typeof status !== 'number' && attempt === 1) return helm(args, 2);
    const ending = typeof status === 'number' ? `exit ${status}` : `no exit status (signal ${signal ?? 'none'}, ${code ?? 'no code'})`;
    throw new Error(`helm ${args.join(' ')} failed (${ending}):\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** Values given as an object are written to a temporary file, as an operator's -f would be. */
function withValuesFile<T>(values: object | string, use: (file: string) => T): T {
  if (typeof values === 'string') return use(values);
  const dir = mkdtempSync(join(tmpdir(), 'vaccinate-values-'));
  try {
    const file = join(dir, 'values.json');
    writeFileSync(file, JSON.stringify(values));
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `helm template` of a chart directory: every rendered object, hooks included, in Helm's order. */
export function helmTemplate(chartDir: string, values: object | string, kubeVersion?: string): RenderedManifest[] {
  const text = withValuesFile(values, (file) => helm(['template', 'release', chartDir, '--values', file, ...(kubeVersion ? ['--kube-version', kubeVersion] : [])]));
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) throw new Error(`helm printed invalid YAML: ${document.errors[0]?.message}`);
      return document.toJS() as RenderedManifest | null;
    })
    .filter((manifest): manifest is RenderedManifest => manifest !== null);
}

/** `helm lint --strict`; throws with Helm's findings. */
export function helmLint(chartDir: string, values: object | string): string {
  return withValuesFile(values, (file) => helm(['lint', '--strict', chartDir, '--values', file]));
}
