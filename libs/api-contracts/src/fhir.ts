import { Type } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { OneOf, Strict, Text } from './contract/schema';

/** Answers in FHIR R4 JSON carry this media type. */
export const FHIR_JSON = 'application/fhir+json';

/** A FHIR R4 resource. Its full definition is FHIR's own (http://hl7.org/fhir/R4/); the tests check answers against the R4 JSON schema. */
const FhirResource = Type.Object({ resourceType: Type.String(), id: Type.Optional(Type.String()) }, { additionalProperties: true, description: 'A FHIR R4 resource' });

/**
 * A FHIR R4 Bundle: what `POST /v1/certificates/fhir` of the certificates function answers (a
 * `collection`: Patient, Organization, Immunizations) and what the staff FHIR routes answer
 * (`searchset`). Entries reference each other by their `fullUrl`, `urn:uuid:<id>`.
 */
export const FhirBundle = contract(
  'FhirBundle',
  Strict({
    resourceType: Type.Literal('Bundle'),
    id: Type.Optional(Type.String()),
    type: OneOf(['collection', 'searchset']),
    timestamp: Type.Optional(Type.String()),
    total: Type.Optional(Type.Integer({ minimum: 0 })),
    link: Type.Optional(Type.Array(Strict({ relation: Type.String(), url: Type.String() }))),
    entry: Type.Array(
      Strict({
        fullUrl: Type.String({ pattern: '^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' }),
        resource: FhirResource,
        search: Type.Optional(Strict({ mode: OneOf(['match', 'include']) })),
      }),
    ),
  }),
);
export type FhirBundle = Payload<typeof FhirBundle>;

/** `?patient=` of a FHIR search: the person's id, bare or as `Patient/<id>`. */
export const FhirPatientSearch = contract(
  'FhirPatientSearch',
  Strict({
    patient: Text('must be a person id or Patient/<id>', {
      pattern: '^(Patient/)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
    }),
  }),
);
export type FhirPatientSearch = Payload<typeof FhirPatientSearch>;

/**
 * `GET /api/scheduling-links/$bulk-publish`: the SMART Scheduling Links manifest
 * (https://github.com/smart-on-fhir/smart-scheduling-links/blob/master/specification.md). Public,
 * only on tenants that publish their slots; `transactionTime` moves when availability changes.
 */
export const SchedulingManifest = contract(
  'SchedulingManifest',
  Strict({
    transactionTime: Type.String({ description: 'FHIR instant: when the data set last changed' }),
    request: Type.String({ description: "The manifest's own URL" }),
    output: Type.Array(
      Strict({
        type: OneOf(['Location', 'Schedule', 'Slot']),
        url: Type.String({ description: 'An NDJSON file (application/fhir+ndjson) of resources of this type' }),
        extension: Type.Optional(Strict({ state: Type.Array(Type.String()) })),
      }),
    ),
    error: Type.Array(Type.Never()),
  }),
);
export type SchedulingManifest = Payload<typeof SchedulingManifest>;
