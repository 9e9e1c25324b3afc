import fc from 'fast-check';

/**
 * Requests generated from an OpenAPI 3 document: for every operation, well-formed and malformed
 * bodies, path parameters and queries. The document is the only input, so the same generator
 * runs over the served `/api/openapi.json` or a committed copy of it.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: Json[];
  const?: Json;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  nullable?: boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; responses?: Record<string, { content?: Record<string, unknown> }> }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  method: string;
  /** OpenAPI template, e.g. `/api/sites/{id}`. */
  path: string;
  pathParams: string[];
  query: Parameter[];
  body: Schema | undefined;
}

export interface FuzzRequest {
  method: string;
  url: string;
  contentType?: string;
  payload?: string;
  /** What was varied, for the failure message. */
  label: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      // A server-sent event stream never ends, so an injected request to it would never answer; its
      // access and its refusals are covered by the day-run specs over real HTTP.
      .filter(([, operation]) => !Object.values(operation.responses ?? {}).some((response) => response.content?.['text/event-stream']))
      .map(([method, operation]) => {
        const parameters = operation.parameters ?? [];
        const declaredPath = parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
        const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
        return {
          method: method.toUpperCase(),
          path,
          pathParams: [...new Set([...declaredPath, ...templated])],
          query: parameters.filter((parameter) => parameter.in === 'query'),
          body: operation.requestBody?.content?.['application/json']?.schema ?? (operation.requestBody ? {} : undefined),
        };
      }),
  );
}

function resolve(schema: Schema, document: OpenApiDocument): Schema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 10; hops += 1) {
    current = document.components?.schemas?.[current.$ref.replace('#/components/schemas/', '')] ?? {};
  }
  const merged = current.allOf?.map((part) => resolve(part, document));
  if (!merged) return current;
  const flattened: Schema = Object.assign({}, ...merged, { ...current, allOf: undefined }) as Schema;
  return flattened;
}

const deeplyNested = (levels: number): Json => {
  let value: Json = 'bottom';
  for (let level = 0; level < levels; level += 1) value = level % 2 === 0 ? [value] : { a: value };
  return value;
};

/** Values no field should take, whatever its declared type. */
export const nastyValue: fc.Arbitrary<Json> = fc.constantFrom<Json>(
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  100000000000000000000,
  9007199254740992,
  '',
  ' ',
  'x'.repeat(5_000),
  'nul\u0000byte',
  'lone\ud800surrogate',
  '\udc00',
  'a\ud800@example.com',
  '2023-02-30',
  '0000-00-00',
  '9999-99-99T99:99:99Z',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '<script>alert(1)</script>',
  "'; DROP TABLE person; --",
  [],
  [null],
  [[]],
  {},
  { __proto__x: 1 },
  deeplyNested(40),
  deeplyNested(33),
);

/** A value that satisfies the schema as far as the schema says (formats, enums, bounds, required fields). */
export function wellFormed(schema: Schema, document: OpenApiDocument, pools: Pools, depth = 0): fc.Arbitrary<Json> {
  const resolved = resolve(schema, document);
  if (resolved.enum && resolved.enum.length > 0) return fc.constantFrom(...resolved.enum);
  if (resolved.const !== undefined) return fc.constant(resolved.const);
  const variants = resolved.oneOf ?? resolved.anyOf;
  if (variants && variants.length > 0) return fc.oneof(...variants.map((variant) => wellFormed(variant, document, pools, depth + 1)));
  switch (resolved.type) {
    case 'integer':
      return fc.integer({ min: Math.max(resolved.minimum ?? 0, -1_000_000), max: Math.min(resolved.maximum ?? 1_000, 1_000_000) });
    case 'number':
      return fc.double({ min: resolved.minimum ?? 0, max: resolved.maximum ?? 1_000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(wellFormed(resolved.items ?? {}, document, pools, depth + 1), { maxLength: 3 });
    case 'object':
      return depth > 4 ? fc.constant({}) : objectOf(resolved, document, pools, depth);
    case 'string':
      return stringOf(resolved, pools);
    default:
      return resolved.properties ? objectOf(resolved, document, pools, depth) : fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean());
  }
}

function objectOf(schema: Schema, document: OpenApiDocument, pools: Pools, depth: number): fc.Arbitrary<Json> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const fields = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => {
      const value = wellFormed(property, document, pools, depth + 1);
      return [name, required.has(name) ? value.map((item): Json | undefined => item) : fc.option(value, { nil: undefined })];
    }),
  );
  return fc.record(fields).map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Json);
}

function stringOf(schema: Schema, pools: Pools): fc.Arbitrary<Json> {
  const max = Math.min(schema.maxLength ?? 40, 200);
  switch (schema.format) {
    case 'uuid':
      return pools.ids.length > 0 ? fc.oneof(fc.constantFrom(...pools.ids), fc.uuid({ version: 4 })) : fc.uuid({ version: 4 });
    case 'date':
      return fc.date({ min: new Date('1930-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('1930-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((date) => date.toISOString());
    case 'email':
      return fc.emailAddress().filter((email) => email.length <= max);
    default:
      return fc.oneof(fc.string({ minLength: 1, maxLength: max }), fc.constantFrom('08:00', '16:30', 'K7M2-Q9XD', 'yes', 'no'));
  }
}

/** The same object with one field, at any depth, replaced by `replacement` (or removed when it is undefined). */
function withFieldAt(value: Json, choices: number[], replacement: Json | undefined): Json {
  if (value === null || typeof value !== 'object' || choices.length === 0) return replacement ?? null;
  const keys = Array.isArray(value) ? value.map((_, index) => String(index)) : Object.keys(value);
  if (keys.length === 0) return value;
  const [choice = 0, ...rest] = choices;
  const key = keys[choice % keys.length] ?? '';
  const copy: Record<string, Json> | Json[] = Array.isArray(value) ? [...value] : { ...value };
  const child = (copy as Record<string, Json>)[key] ?? null;
  const descend = rest.length > 0 && child !== null && typeof child === 'object' && Object.keys(child).length > 0;
  if (descend) (copy as Record<string, Json>)[key] = withFieldAt(child, rest, replacement);
  else if (replacement === undefined && !Array.isArray(copy)) Reflect.deleteProperty(copy, key);
  else (copy as Record<string, Json>)[key] = replacement ?? null;
  return copy;
}

/** Bodies a careless or hostile client sends, as raw text. */
const rawBody: fc.Arbitrary<{ payload: string; contentType?: string; label: string }> = fc.constantFrom(
  { payload: '{', label: 'truncated JSON' },
  { payload: '', label: 'empty body' },
  { payload: 'null', label: 'null body' },
  { payload: '"text"', label: 'string body' },
  { payload: '[]', label: 'array body' },
  { payload: '{"version":1e400}', label: 'number beyond double' },
  { payload: '{"a":1,"a":2}', label: 'duplicate key' },
  { payload: '{"__proto__":{"admin":true}}', label: 'prototype poisoning' },
  { payload: `{"a":${'['.repeat(5_000)}${']'.repeat(5_000)}}`, label: 'nested 5000 deep' },
  { payload: '['.repeat(30_000), label: 'unclosed 30000 deep' },
  { payload: '{"x":"\\ud800"}', label: 'escaped lone surrogate' },
  { payload: '{"x":"\\u0000"}', label: 'escaped NUL' },
  { payload: `{"x":"${'y'.repeat(70_000)}"}`, label: 'over the body limit' },
  { payload: 'name=x', contentType: 'application/x-www-form-urlencoded', label: 'form body' },
  { payload: '{"a":1}', contentType: 'text/plain', label: 'text/plain body' },
  { payload: '{"a":1}', contentType: 'application/json; charset=latin1', label: 'unsupported charset' },
);

export interface Pools {
  /** Ids of rows that exist, so some requests get past the 404. */
  ids: string[];
}

const pathValue = (pools: Pools): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: pools.ids.length > 0 ? 3 : 0, arbitrary: fc.constantFrom(...pools.ids, 'no-known-id') },
    { weight: 2, arbitrary: fc.uuid({ version: 4 }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'not-a-uuid',
        '%00',
        'a%00b',
        '%E0%A4%A',
        '%',
        '%zz',
        '%ED%A0%80',
        '%C0%AF',
        'a'.repeat(500),
        '..',
        '%2e%2e',
        '-1',
        '99999999999999999999',
        '1e308',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((text) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, ''))) },
  );

const queryValue = (schema: Schema | undefined, document: OpenApiDocument, pools: Pools): fc.Arbitrary<string> =>
  fc.oneof(
    wellFormed(schema ?? { type: 'string' }, document, pools).map((value) => encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))),
    fc.constantFrom(
      '%00',
      'a%00b',
      '%ED%A0%80',
      '%E0%A4%A',
      '%',
      '2023-02-30',
      '0000-01-01',
      '99999999999999999999',
      '1e308',
      '-1',
      'abc',
      '',
      'x'.repeat(3_000),
      '[]',
      '{}',
    ),
  );

function queryOf(operation: Operation, document: OpenApiDocument, pools: Pools): fc.Arbitrary<string> {
  const pairs = operation.query.map((parameter) =>
    fc.option(
      fc.array(queryValue(parameter.schema, document, pools), { minLength: 1, maxLength: 2 }).map((values) => values.map((value) => `${parameter.name}=${value}`)),
      { nil: [] as string[] },
    ),
  );
  const unknown = fc.option(fc.constantFrom('unknown=1', 'x%00=1', '%E0%A4%A=1', 'limit=-5&offset=1e308'), { nil: undefined });
  return fc.tuple(fc.tuple(...pairs), unknown).map(([chosen, extra]) => {
    const parts = [...chosen.flat(), ...(extra ? [extra] : [])];
    return parts.length > 0 ? `?${parts.join('&')}` : '';
  });
}

function bodyOf(operation: Operation, document: OpenApiDocument, pools: Pools): fc.Arbitrary<{ payload?: string; contentType?: string; label: string }> {
  if (!operation.body) {
    return fc.oneof(fc.constant({ label: 'no body' }), rawBody);
  }
  const valid = wellFormed(operation.body, document, pools);
  const path = fc.array(fc.nat(), { minLength: 1, maxLength: 3 });
  const json = (value: Json, label: string) => ({ payload: JSON.stringify(value), label });
  return fc.oneof(
    { weight: 2, arbitrary: valid.map((value) => json(value, 'well-formed body')) },
    { weight: 2, arbitrary: fc.tuple(valid, path).map(([value, at]) => json(withFieldAt(value, at, undefined), 'a field missing')) },
    { weight: 4, arbitrary: fc.tuple(valid, path, nastyValue).map(([value, at, nasty]) => json(withFieldAt(value, at, nasty), 'a field replaced')) },
    { weight: 1, arbitrary: fc.tuple(valid, nastyValue).map(([value, nasty]) => json({ ...(value as object), unexpected: nasty }, 'an unknown field')) },
    { weight: 1, arbitrary: nastyValue.map((nasty) => json(nasty, 'the whole body replaced')) },
    { weight: 1, arbitrary: fc.constant({ label: 'no body' }) },
    { weight: 2, arbitrary: rawBody },
  );
}

/** Every request for one operation: its path parameters, query and body, each well-formed or not. */
export function requestsFor(operation: Operation, document: OpenApiDocument, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const params = fc.tuple(...operation.pathParams.map(() => pathValue(pools)));
  return fc.tuple(params, queryOf(operation, document, pools), bodyOf(operation, document, pools)).map(([values, query, body]) => {
    let url = operation.path;
    operation.pathParams.forEach((name, index) => (url = url.replace(`{${name}}`, values[index] ?? '')));
    const contentType = body.contentType ?? (body.payload === undefined ? undefined : 'application/json');
    return {
      method: operation.method,
      url: `${url}${query}`,
      ...(contentType ? { contentType } : {}),
      ...(body.payload === undefined ? {} : { payload: body.payload }),
      label: body.label,
    };
  });
}
