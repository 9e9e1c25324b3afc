import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import type { Contract } from '@vaccinate/api-contracts';

const declared = new Map<string, Contract>();

/** The JSON Schema of a contract as OpenAPI data (TypeBox's symbol keys are not part of it). */
export function schemaObjectOf(contract: Contract): SchemaObject {
  return JSON.parse(JSON.stringify(contract.schema)) as SchemaObject;
}

/** A reference to the contract's component; two different contracts may not share a name. */
export function referenceTo(contract: Contract): { $ref: string } {
  const known = declared.get(contract.name);
  if (known && known !== contract) throw new Error(`Two contracts are named ${contract.name}`);
  declared.set(contract.name, contract);
  return { $ref: `#/components/schemas/${contract.name}` };
}

/** Adds every contract a route refers to as a named component of the document. */
export function withContractSchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = { ...(document.components?.schemas ?? {}) };
  for (const [name, contract] of [...declared].sort(([a], [b]) => a.localeCompare(b))) schemas[name] = schemaObjectOf(contract);
  return { ...document, components: { ...document.components, schemas } };
}
