import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkTerraformTree } from './terraform/hcl-wiring';

/** `npm run check:terraform`: fmt, `terraform test` of provider-free modules, and the HCL wiring check. */
const root = resolve(__dirname, '..', '..', 'terraform');
const run = (args: string[], cwd: string): void => {
  execFileSync('terraform', args, { cwd, stdio: 'inherit', env: { ...process.env, TF_IN_AUTOMATION: '1' } });
};

async function main(): Promise<void> {
  run(['fmt', '-check', '-recursive', '-diff'], root);
  const modules = join(root, 'modules');
  for (const name of readdirSync(modules).sort()) {
    const dir = join(modules, name);
    if (!existsSync(join(dir, 'tests'))) continue;
    run(['init', '-backend=false', '-input=false'], dir);
    run(['test'], dir);
  }
  const problems = await checkTerraformTree(root);
  if (problems.length > 0) {
    console.error(`terraform wiring check failed:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log('terraform wiring check passed');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
