import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value, type ValueError } from '@sinclair/typebox/value';
import type { FieldProblem } from '../problem';
import { fieldProblems } from './field-problems';
import { normalizeBookingCode } from '../booking-code';
import { normalizePhoneNumber } from './formats';
import { NORMALIZE, TRIM } from './schema';

/** What a check knows of the tenant it runs for: a national phone number is read in `phoneRegion` (ISO 3166-1 alpha-2). */
export interface ValidationContext {
  phoneRegion?: string;
}

/** The readings a string marked `x-normalize` gets before the check. */
const NORMALIZERS: Record<string, (text: string, context: ValidationContext) => string> = {
  'booking-code': normalizeBookingCode,
  phone: (text, context) => normalizePhoneNumber(text, context.phoneRegion),
};

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/**
 * One payload, declared once: `schema` is its JSON Schema (OpenAPI takes it as is), `Static` its
 * TypeScript type, and `validate` its compiled check, which trims the strings marked `x-trim` (and reads those marked `x-normalize`) first.
 */
export interface Contract<S extends TSchema = TSchema> {
  readonly name: string;
  readonly schema: S;
  /** Without a `phoneRegion` in the context, only phone numbers with their country code are read. */
  validate(value: unknown, context?: ValidationContext): Validation<Static<S>>;
  /** Reads text values (a query string, path segments) as the declared numbers and booleans; `validate` checks the result. */
  fromText(value: unknown): unknown;
}

/** The TypeScript type of a contract: `type RegistrationRequest = Payload<typeof RegistrationRequest>`. */
export type Payload<C extends Contract> = Static<C['schema']>;

type Trim = (value: unknown, context: ValidationContext) => void;

/** Trims the marked strings of plain objects in place, before the check; built once per contract. */
function trimmerOf(schema: TSchema): Trim | null {
  if (schema.type === 'array' && schema.items) {
    const item = trimmerOf(schema.items as TSchema);
    return item && ((value, context) => Array.isArray(value) && value.forEach((element) => item(element, context)));
  }
  if (schema.type !== 'object' || !schema.properties) return null;
  const steps: Trim[] = [];
  for (const [key, property] of Object.entries(schema.properties as Record<string, TSchema>)) {
    const normalize = typeof property[NORMALIZE] === 'string' ? NORMALIZERS[property[NORMALIZE] as string] : undefined;
    if (property[TRIM] === true || normalize) {
      const read = normalize ?? ((text: string) => text.trim());
      steps.push((object, context) => {
        const record = object as Record<string, unknown>;
        const text = record[key];
        if (typeof text === 'string') record[key] = read(text, context);
      });
      continue;
    }
    const nested = trimmerOf(property);
    if (nested) steps.push((object, context) => nested((object as Record<string, unknown>)[key], context));
  }
  if (steps.length === 0) return null;
  return (value, context) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const step of steps) step(value, context);
  };
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Query and path values are text: a property declared a number or boolean is read as one when it is written as one. */
function fromText(schema: TSchema, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !schema.properties) return value;
  const read: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, property] of Object.entries(schema.properties as Record<string, TSchema>)) {
    const text = read[key];
    if (typeof text !== 'string') continue;
    if ((property.type === 'integer' || property.type === 'number') && DECIMAL.test(text)) read[key] = Number(text);
    else if (property.type === 'boolean' && (text === 'true' || text === 'false')) read[key] = text === 'true';
  }
  return read;
}

export interface Check {
  Check(value: unknown): boolean;
  Errors(value: unknown): Iterable<ValueError>;
}

/**
 * TypeBox compiles a check with `new Function`, which a page's Content-Security-Policy (no
 * 'unsafe-eval') forbids: in a browser the same schema is checked by TypeBox's interpreter.
 */
const inBrowser = 'document' in globalThis;

export function checkOf(schema: TSchema, interpret = inBrowser): Check {
  if (!interpret) return TypeCompiler.Compile(schema);
  return { Check: (value) => Value.Check(schema, value), Errors: (value) => Value.Errors(schema, value) };
}

export function contract<S extends TSchema>(name: string, schema: S): Contract<S> {
  let check: Check | undefined;
  const trim = trimmerOf(schema);
  return {
    name,
    schema,
    validate(value, context = {}) {
      // Built on first use, so a page that imports every contract builds only the ones it checks.
      check ??= checkOf(schema);
      trim?.(value, context);
      return check.Check(value) ? { ok: true, value: value as Static<S> } : { ok: false, problems: fieldProblems(check.Errors(value)) };
    },
    fromText: (value) => fromText(schema, value),
  };
}
