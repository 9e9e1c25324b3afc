import { parseTenantDirectory } from '@vaccinate/tenant-directory';
import { tenantDatabaseName, tenantNamespace } from '@vaccinate/tenant-provisioning';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repo = resolve(__dirname, '..', '..', '..');
const naming = join(repo, 'terraform', 'modules', 'tenant-naming');
const read = (path: string): string => readFileSync(path, 'utf8');
const fixture = (name: string): unknown => JSON.parse(read(join(naming, 'tests', 'fixtures', name)));

function mergeValues(base: unknown, override: unknown): unknown {
  if (typeof base !== 'object' || base === null || Array.isArray(base) || typeof override !== 'object' || override === null || Array.isArray(override)) {
    return override === undefined ? base : override;
  }
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) merged[key] = mergeValues(merged[key], value);
  return merged;
}

// `terraform test` (modules/tenant-naming) proves the module renders exactly these fixtures;
// these tests prove the fixtures are what the chart and the web app accept.
describe('what modules/tenant-naming renders', () => {
  it('is a directory entry libs/tenant-directory accepts', () => {
    expect(parseTenantDirectory({ version: 1, tenants: [fixture('acme-directory-entry.json')] }).tenants[0]?.slug).toBe('acme');
  });

  it("is valid chart values once Helm merges them over the chart's values.yaml", () => {
    const chart = join(repo, 'charts', 'tenant');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(read(join(chart, 'values.schema.json'))) as object);
    const merged = mergeValues(parse(read(join(chart, 'values.yaml'))), fixture('acme-chart-values.json'));
    expect(validate(merged), JSON.stringify(validate.errors)).toBe(true);
  });

  it('uses the names the local launcher uses', () => {
    const test = read(join(naming, 'tests', 'naming.tftest.hcl'));
    expect(test).toContain(`output.namespace == "${tenantNamespace('big-corp')}"`);
    expect(test).toContain(`output.database_name == "${tenantDatabaseName('big-corp')}"`);
    expect(read(join(naming, 'main.tf'))).toMatch(/namespace\s+= "tenant-\$\{var\.slug\}"/);
  });
});
