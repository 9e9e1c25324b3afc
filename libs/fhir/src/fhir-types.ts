/**
 * The FHIR R4 shapes this product writes, as far as it fills them. The R4 JSON schema is the
 * authority on what is valid; these types only keep the builders honest.
 */
export const FHIR_MEDIA_TYPE = 'application/fhir+json';
export const FHIR_VERSION = '4.0.1';

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Reference {
  reference?: string;
  display?: string;
}

export interface Extension {
  url: string;
  valueInteger?: number;
  valueUrl?: string;
  valueString?: string;
  valueCoding?: Coding;
}

export interface Identifier {
  system?: string;
  value: string;
}

export interface Meta {
  lastUpdated?: string;
}

export interface Patient {
  resourceType: 'Patient';
  id?: string;
  identifier?: Identifier[];
  name: { family?: string; given?: string[] }[];
  birthDate: string;
}

export interface Organization {
  resourceType: 'Organization';
  id?: string;
  name: string;
}

export interface ProtocolApplied {
  targetDisease: CodeableConcept[];
  doseNumberPositiveInt: number;
  seriesDosesPositiveInt: number;
}

export interface Immunization {
  resourceType: 'Immunization';
  id?: string;
  status: 'completed';
  vaccineCode: CodeableConcept;
  patient: Reference;
  occurrenceDateTime: string;
  primarySource: boolean;
  lotNumber?: string;
  performer: { actor: Reference }[];
  protocolApplied: ProtocolApplied[];
}

export interface ImmunizationRecommendation {
  resourceType: 'ImmunizationRecommendation';
  id?: string;
  patient: Reference;
  date: string;
  recommendation: {
    vaccineCode?: CodeableConcept[];
    targetDisease: CodeableConcept;
    forecastStatus: CodeableConcept;
    dateCriterion?: { code: CodeableConcept; value: string }[];
    doseNumberPositiveInt?: number;
    seriesDosesPositiveInt?: number;
    supportingImmunization?: Reference[];
  }[];
}

export interface Location {
  resourceType: 'Location';
  id: string;
  identifier: Identifier[];
  name: string;
  telecom?: { system: 'phone' | 'url'; value: string }[];
  address: { line?: string[]; city?: string; state?: string; postalCode?: string; country?: string; text?: string };
  description?: string;
}

export interface Schedule {
  resourceType: 'Schedule';
  id: string;
  serviceType: CodeableConcept[];
  actor: Reference[];
  extension?: Extension[];
}

export interface Slot {
  resourceType: 'Slot';
  id: string;
  schedule: Reference;
  status: 'free' | 'busy';
  start: string;
  end: string;
  extension?: Extension[];
}

export type Resource = Patient | Organization | Immunization | ImmunizationRecommendation | Location | Schedule | Slot;

export interface BundleEntry {
  fullUrl: string;
  resource: Resource;
  search?: { mode: 'match' | 'include' };
}

export interface Bundle {
  resourceType: 'Bundle';
  id?: string;
  meta?: Meta;
  type: 'collection' | 'searchset';
  timestamp?: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry: BundleEntry[];
}
