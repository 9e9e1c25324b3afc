import Ajv from 'ajv';
import type { JsonSchema } from '../helm/json-schema';

/** A small seeded generator (mulberry32), so a failing values set can be reproduced from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Strings that YAML or Go templates read as something else when a template forgets to quote them.
const AWKWARD_TEXT = [
  'yes',
  'no',
  'on',
  'true',
  'null',
  '~',
  '0123',
  '1e3',
  '0x1F',
  '12:30',
  'a: b',
  '- item',
  '#hash',
  'quote " and \\ back',
  "l'Oréal & Co",
  '{{ .Values }}',
  '@@v:x@@',
  'Ünïcødé 日本',
  '*anchor',
  '!tag',
  '%percent',
  '`tick`',
];
const HOSTS = ['a.example', 'b-2.example.org', 'x.y.z.example', 'xn--bcher-kva.example', 'very-long-label-0123456789.example.com', '0.example'];

type Schema = JsonSchema & {
  type?: string;
  pattern?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minItems?: number;
};

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function vary(schema: Schema, example: unknown, random: () => number): unknown {
  const keep = random() < 0.3;
  if (schema.type === 'object' && schema.properties && typeof example === 'object' && example !== null && !Array.isArray(example)) {
    return Object.fromEntries(Object.entries(schema.properties).map(([key, child]) => [key, vary(child as Schema, (example as Record<string, unknown>)[key], random)]));
  }
  if (keep) return example;
  if (schema.enum) return pick(random, schema.enum);
  if (schema.type === 'boolean') return random() < 0.5;
  if (schema.type === 'integer') {
    const min = schema.minimum ?? 0;
    const max = schema.maximum ?? 1000;
    return pick(random, [min, max, min + Math.floor(random() * (max - min + 1))]);
  }
  if (schema.type === 'number') return Math.round(random() * 100) / 100;
  if (schema.type === 'array' && schema.items) {
    const items = schema.items as Schema;
    if (items.type === 'object' && Array.isArray(example)) return example.filter(() => random() < 0.8).map((item) => vary(items, item, random));
    const pool = items.type === 'string' ? HOSTS : [];
    if (pool.length === 0) return example;
    const count = Math.max(schema.minItems ?? 0, 1 + Math.floor(random() * 3));
    return [...new Set(Array.from({ length: count }, () => pick(random, pool)))];
  }
  if (schema.type === 'string') {
    const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
    const candidates = ['', ...AWKWARD_TEXT, ...HOSTS, `https://${pick(random, HOSTS)}/p?q=1&r=2`].filter((text) => !pattern || pattern.test(text));
    return candidates.length > 0 && random() < 0.8 ? pick(random, candidates) : example;
  }
  return example;
}

/** Values sets that values.schema.json accepts, varied from the example leaf by leaf. */
export function generateValues<V extends object>(schema: JsonSchema, example: V, count: number, seed = 1): { seed: number; values: V }[] {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const sets: { seed: number; values: V }[] = [];
  for (let attempt = seed; sets.length < count && attempt < seed + count * 50; attempt += 1) {
    const values = vary(schema as Schema, example, seededRandom(attempt)) as V;
    if (validate(values)) sets.push({ seed: attempt, values });
  }
  if (sets.length < count) throw new Error(`only ${sets.length} of ${count} generated values sets were valid`);
  return sets;
}
