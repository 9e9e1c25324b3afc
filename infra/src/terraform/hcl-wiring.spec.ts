import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDirectory, checkTerraformTree, loadDirectory } from './hcl-wiring';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'wiring-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const child = `
variable "slug" {
  type = string
}
variable "locale" {
  type    = string
  default = "de"
}
output "url" {
  value = "https://\${var.slug}.example"
}
`;

async function problemsOf(parent: string): Promise<string[]> {
  const root = tree({ 'child/main.tf': child, 'parent/main.tf': parent });
  return checkDirectory(await loadDirectory(join(root, 'parent')), loadDirectory);
}

describe('the HCL wiring check', () => {
  it('accepts a correct call', async () => {
    expect(await problemsOf('module "c" {\n  source = "../child"\n  slug = "acme"\n}\noutput "u" {\n  value = module.c.url\n}\n')).toEqual([]);
  });

  it('leaves the addresses of a moved block to Terraform, and still checks everything else', async () => {
    const moved = 'module "c" {\n  source = "../child"\n  slug = "acme"\n}\nmoved {\n  from = random_password.old\n  to   = module.c.random_password.old\n}\n';
    expect(await problemsOf(moved)).toEqual([]);
    expect((await problemsOf(`${moved}output "u" {\n  value = random_password.old.result\n}\n`)).join('\n')).toMatch(/random_password.old is not declared/);
  });

  it('reports an argument the module does not declare and a required one that is missing', async () => {
    const problems = await problemsOf('module "c" {\n  source = "../child"\n  slugg = "acme"\n}\n');
    expect(problems.join('\n')).toMatch(/passes "slugg"/);
    expect(problems.join('\n')).toMatch(/misses required "slug"/);
  });

  it('reports a missing module output, an undeclared variable, local and resource', async () => {
    const problems = await problemsOf(
      'module "c" {\n  source = "../child"\n  slug = var.name\n}\noutput "u" {\n  value = "${module.c.uri}${local.x}${random_password.p.result}"\n}\n',
    );
    expect(problems.map((p) => p.replace(/^.*: /, ''))).toEqual([
      'var.name is not declared',
      'local.x is not declared',
      'module.c.uri is not an output of ../child',
      'random_password.p is not declared',
    ]);
  });

  it('refuses a tenant file with more than one module block', async () => {
    const root = tree({
      'modules/child/main.tf': child,
      'environments/x/tenants/tenant-a.tf':
        'module "a" {\n  source = "../../../modules/child"\n  slug = "a"\n}\nmodule "b" {\n  source = "../../../modules/child"\n  slug = "b"\n}\n',
      ...Object.fromEntries(
        ['platform-gcp', 'platform-azure', 'platform-cluster', 'tenant-gcp', 'tenant-azure', 'tenant-cluster'].map((m) => [`modules/${m}/main.tf`, child]),
      ),
    });
    expect((await checkTerraformTree(root)).join('\n')).toMatch(/tenant-a\.tf: a tenant file holds exactly one module block/);
  });

  it('refuses a shared tenants file that lists tenant modules', async () => {
    const root = tree({
      'modules/child/main.tf': child,
      'environments/x/tenants/tenant-a.tf': 'module "tenant_a" {\n  source = "../../../modules/child"\n  slug = "a"\n}\n',
      'environments/x/tenants/certificates.tf': 'locals {\n  issuers = [module.tenant_a.url]\n}\n',
      ...Object.fromEntries(
        ['platform-gcp', 'platform-azure', 'platform-cluster', 'tenant-gcp', 'tenant-azure', 'tenant-cluster'].map((m) => [`modules/${m}/main.tf`, child]),
      ),
    });
    expect((await checkTerraformTree(root)).join('\n')).toMatch(/certificates\.tf: names a tenant module/);
  });

  it('passes on the repository', async () => {
    expect(await checkTerraformTree(resolve(__dirname, '..', '..', '..', 'terraform'))).toEqual([]);
  });
});
