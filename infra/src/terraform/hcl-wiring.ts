import { parse } from '@cdktf/hcl2json';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';

/** One Terraform directory (module or stack) as the wiring check sees it. */
export interface TerraformDirectory {
  dir: string;
  variables: Map<string, { required: boolean }>;
  outputs: Set<string>;
  locals: Set<string>;
  resources: Set<string>;
  data: Set<string>;
  modules: Map<string, { source: string; args: string[]; file: string }>;
  /** Every `${...}` expression, with the file it is in. */
  expressions: { file: string; text: string }[];
  modulesPerFile: Map<string, number>;
  blocksPerFile: Map<string, string[]>;
}

type Hcl = Record<string, unknown>;
const META_ARGUMENTS = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);
const PROVIDER_PREFIX = '(?:google|azurerm|kubernetes|helm|random|tls|postgresql)_[a-z0-9_]+';

function expressionsIn(value: unknown, into: string[]): void {
  if (typeof value === 'string') {
    if (value.includes('${')) into.push(value);
  } else if (Array.isArray(value)) value.forEach((item) => expressionsIn(item, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => expressionsIn(item, into));
}

const firstBlock = (blocks: unknown): Hcl => ((blocks as Hcl[])[0] ?? {}) as Hcl;

export async function loadDirectory(dir: string): Promise<TerraformDirectory> {
  const directory: TerraformDirectory = {
    dir,
    variables: new Map(),
    outputs: new Set(),
    locals: new Set(),
    resources: new Set(),
    data: new Set(),
    modules: new Map(),
    expressions: [],
    modulesPerFile: new Map(),
    blocksPerFile: new Map(),
  };
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.tf'))
    .sort()) {
    const hcl = (await parse(file, readFileSync(join(dir, file), 'utf8'))) as Hcl;
    directory.blocksPerFile.set(file, Object.keys(hcl));
    for (const [name, blocks] of Object.entries((hcl['variable'] ?? {}) as Hcl)) {
      directory.variables.set(name, { required: !('default' in firstBlock(blocks)) });
    }
    Object.keys((hcl['output'] ?? {}) as Hcl).forEach((name) => directory.outputs.add(name));
    for (const block of (hcl['locals'] ?? []) as Hcl[]) Object.keys(block).forEach((name) => directory.locals.add(name));
    for (const [type, named] of Object.entries((hcl['resource'] ?? {}) as Hcl)) {
      Object.keys(named as Hcl).forEach((name) => directory.resources.add(`${type}.${name}`));
    }
    for (const [type, named] of Object.entries((hcl['data'] ?? {}) as Hcl)) {
      Object.keys(named as Hcl).forEach((name) => directory.data.add(`${type}.${name}`));
    }
    const modules = Object.entries((hcl['module'] ?? {}) as Hcl);
    directory.modulesPerFile.set(file, modules.length);
    for (const [name, blocks] of modules) {
      const block = firstBlock(blocks);
      directory.modules.set(name, {
        source: String(block['source']),
        args: Object.keys(block).filter((arg) => !META_ARGUMENTS.has(arg)),
        file,
      });
    }
    const found: string[] = [];
    // Descriptions are prose; only expressions can reference anything. A `moved` block names
    // addresses that no longer (from) or not yet (to) exist here: Terraform checks those itself.
    const { moved: _moved, ...referencing } = hcl;
    expressionsIn(referencing, found);
    directory.expressions.push(...found.map((text) => ({ file, text })));
  }
  return directory;
}

function references(text: string, pattern: RegExp): RegExpMatchArray[] {
  return [...text.matchAll(pattern)];
}

/** Undeclared variables, locals, resources and modules; bad module arguments; missing module outputs. */
export async function checkDirectory(directory: TerraformDirectory, load: (dir: string) => Promise<TerraformDirectory>): Promise<string[]> {
  const problems: string[] = [];
  const where = (file: string): string => join(directory.dir, file);
  const children = new Map<string, TerraformDirectory>();
  for (const [name, module] of directory.modules) {
    if (!module.source.startsWith('.')) continue;
    const child = await load(resolve(directory.dir, module.source));
    children.set(name, child);
    for (const arg of module.args) {
      if (!child.variables.has(arg)) problems.push(`${where(module.file)}: module "${name}" passes "${arg}", which ${module.source} does not declare`);
    }
    for (const [variable, { required }] of child.variables) {
      if (required && !module.args.includes(variable)) problems.push(`${where(module.file)}: module "${name}" misses required "${variable}"`);
    }
  }
  for (const { file, text } of directory.expressions) {
    for (const [, name] of references(text, /(?<![\w.])var\.([A-Za-z_][\w-]*)/g)) {
      if (name && !directory.variables.has(name)) problems.push(`${where(file)}: var.${name} is not declared`);
    }
    for (const [, name] of references(text, /(?<![\w.])local\.([A-Za-z_][\w-]*)/g)) {
      if (name && !directory.locals.has(name)) problems.push(`${where(file)}: local.${name} is not declared`);
    }
    for (const [, name, output] of references(text, /(?<![\w.])module\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?/g)) {
      if (!name || !directory.modules.has(name)) problems.push(`${where(file)}: module.${name} is not declared`);
      else if (output && children.has(name) && !children.get(name)?.outputs.has(output)) {
        problems.push(`${where(file)}: module.${name}.${output} is not an output of ${directory.modules.get(name)?.source}`);
      }
    }
    for (const [, type, name] of references(text, /(?<![\w.])data\.([a-z0-9_]+)\.([A-Za-z_][\w-]*)/g)) {
      if (!directory.data.has(`${type}.${name}`)) problems.push(`${where(file)}: data.${type}.${name} is not declared`);
    }
    for (const [, type, name] of references(text, new RegExp(`(?<![\\w.])(${PROVIDER_PREFIX})\\.([A-Za-z_][\\w-]*)`, 'g'))) {
      if (!directory.resources.has(`${type}.${name}`)) problems.push(`${where(file)}: ${type}.${name} is not declared`);
    }
  }
  return problems;
}

function terraformDirectories(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir).filter((name) => !name.startsWith('.'));
    if (entries.some((name) => name.endsWith('.tf'))) found.push(dir);
    entries
      .map((name) => join(dir, name))
      .filter((path) => statSync(path).isDirectory())
      .forEach(walk);
  };
  walk(root);
  return found.sort();
}

/** The repository's rules on top of the per-directory check. */
export async function checkTerraformTree(root: string): Promise<string[]> {
  const cache = new Map<string, Promise<TerraformDirectory>>();
  const load = (dir: string): Promise<TerraformDirectory> => {
    if (!cache.has(dir)) cache.set(dir, loadDirectory(dir));
    return cache.get(dir) as Promise<TerraformDirectory>;
  };
  const problems: string[] = [];
  for (const dir of terraformDirectories(root)) {
    const directory = await load(dir);
    problems.push(...(await checkDirectory(directory, load)));
    if (basename(dir) === 'tenants') {
      for (const [file, blocks] of directory.blocksPerFile) {
        if (!file.startsWith('tenant-')) continue;
        if (directory.modulesPerFile.get(file) !== 1 || blocks.join() !== 'module') {
          problems.push(`${join(dir, file)}: a tenant file holds exactly one module block and nothing else`);
        }
      }
      // A shared file that names tenant modules would need a line per tenant.
      for (const { file, text } of directory.expressions) {
        if (!file.startsWith('tenant-') && /\bmodule\.tenant_/.test(text)) {
          problems.push(`${join(dir, file)}: names a tenant module; adding a tenant must stay one module block`);
        }
      }
    }
  }
  const same = async (a: string, b: string, what: 'outputs' | 'variables'): Promise<void> => {
    const [left, right] = [await load(join(root, a)), await load(join(root, b))];
    const names = (d: TerraformDirectory): string => [...(what === 'outputs' ? d.outputs : d.variables.keys())].sort().join(', ');
    if (names(left) !== names(right))
      problems.push(`${relative(root, left.dir)} and ${relative(root, right.dir)} must expose the same ${what}: ${names(left)} / ${names(right)}`);
  };
  await same('modules/platform-gcp', 'modules/platform-azure', 'outputs');
  await same('modules/tenant-gcp', 'modules/tenant-azure', 'outputs');
  await same('modules/tenant-gcp', 'modules/tenant-azure', 'variables');
  await same('modules/platform-gcp', 'modules/platform-cluster', 'outputs');
  await same('modules/tenant-gcp', 'modules/tenant-cluster', 'outputs');
  await same('modules/tenant-gcp', 'modules/tenant-cluster', 'variables');
  return problems;
}
