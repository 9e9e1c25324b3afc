import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** The repository root: the nearest folder above this file holding nx.json. */
function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return dir;
}

/**
 * The EU DCC schema, value sets and test vectors: from shared/ beside the clone when it is there
 * (the current copy), else from the copy kept in this lib for clones that stand alone (GitHub CI).
 */
const sharedStandards = resolve(findRepoRoot(__dirname), '../shared/standards/eu-dcc');
export const standardsDir = existsSync(sharedStandards) ? sharedStandards : resolve(__dirname, '../../test-data/eu-dcc');

export function readStandardsJson<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(join(standardsDir, relativePath), 'utf8')) as T;
}

export function exampleFiles(): string[] {
  return readdirSync(join(standardsDir, 'examples')).filter((name) => name.endsWith('.json'));
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSchema = ajv.compile(readStandardsJson<object>('schema/DCC.combined-schema.json'));

/** Schema errors as readable strings; empty when the payload is valid. */
export function schemaErrors(payload: unknown): string[] {
  if (validateSchema(payload)) return [];
  return (validateSchema.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

interface ValueSet {
  valueSetValues: Record<string, { active: boolean }>;
}

const valueSet = (file: string) => readStandardsJson<ValueSet>(`valuesets/${file}`).valueSetValues;
const VALUE_SETS = {
  tg: valueSet('disease-agent-targeted.json'),
  vp: valueSet('vaccine-prophylaxis.json'),
  mp: valueSet('vaccine-medicinal-product.json'),
  ma: valueSet('vaccine-mah-manf.json'),
  co: valueSet('country-2-codes.json'),
};

/** Fields of each vaccination entry that are not active codes of their value set. */
export function valueSetErrors(payload: { v?: readonly object[] }): string[] {
  const errors: string[] = [];
  for (const entry of payload.v ?? []) {
    for (const [field, values] of Object.entries(VALUE_SETS)) {
      const code = (entry as Record<string, unknown>)[field];
      if (typeof code !== 'string' || values[code]?.active !== true) errors.push(`${field}=${String(code)}`);
    }
  }
  return errors;
}
