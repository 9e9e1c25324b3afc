import type { Bundle, BundleEntry, Immunization, Organization, Patient, Resource } from './fhir-types';
import { urnUuid } from './resource-id';
import { COVID_19, vaccineCodeOf, type VaccineProductNames } from './vaccine-code';

export interface HolderDetails {
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD (or YYYY-MM, YYYY). */
  birthDate: string;
}

export interface AdministeredDose extends VaccineProductNames {
  /** The Immunization's id (a UUID): its `fullUrl` is `urn:uuid:<id>`. */
  id: string;
  /** YYYY-MM-DD or an ISO date-time with its offset. */
  occurrence: string;
  lotNumber?: string;
  doseNumber: number;
  seriesDoses: number;
}

export interface ImmunizationRecordInput {
  patient: { id: string; details: HolderDetails };
  /** The organisation that administered the doses: the tenant. */
  performer: { id: string; name: string };
  doses: readonly AdministeredDose[];
}

export function patientResource(id: string, details: HolderDetails): Patient {
  const name: { family?: string; given?: string[] } = {};
  if (details.familyName.trim()) name.family = details.familyName.trim();
  const given = details.givenName.trim().split(/\s+/).filter(Boolean);
  if (given.length > 0) name.given = given;
  return { resourceType: 'Patient', id, name: [name], birthDate: details.birthDate };
}

export function organizationResource(id: string, name: string): Organization {
  return { resourceType: 'Organization', id, name };
}

export function immunizationResource(dose: AdministeredDose, patientId: string, performer: { id: string; name: string }): Immunization {
  const resource: Immunization = {
    resourceType: 'Immunization',
    id: dose.id,
    status: 'completed',
    vaccineCode: vaccineCodeOf(dose),
    patient: { reference: urnUuid(patientId) },
    occurrenceDateTime: dose.occurrence,
    // Documented where it was given, not transcribed from elsewhere.
    primarySource: true,
    performer: [{ actor: { reference: urnUuid(performer.id), display: performer.name } }],
    protocolApplied: [{ targetDisease: [COVID_19], doseNumberPositiveInt: dose.doseNumber, seriesDosesPositiveInt: dose.seriesDoses }],
  };
  if (dose.lotNumber) resource.lotNumber = dose.lotNumber;
  return resource;
}

/** A resource as a Bundle entry: every id here is a UUID, so `urn:uuid:<id>` names it within the Bundle. */
export function entryOf(resource: Resource & { id?: string }, search?: 'match' | 'include'): BundleEntry {
  if (!resource.id) throw new RangeError('a bundled resource needs its id');
  return { fullUrl: urnUuid(resource.id), resource, ...(search ? { search: { mode: search } } : {}) };
}

/** The holder's record as one file a FHIR tool reads: the Patient, the performing Organization and each Immunization. */
export function immunizationRecordBundle(input: ImmunizationRecordInput, options: { id?: string; timestamp: string }): Bundle {
  const { patient, performer, doses } = input;
  return {
    resourceType: 'Bundle',
    ...(options.id ? { id: options.id } : {}),
    type: 'collection',
    timestamp: options.timestamp,
    entry: [
      entryOf(patientResource(patient.id, patient.details)),
      entryOf(organizationResource(performer.id, performer.name)),
      ...doses.map((dose) => entryOf(immunizationResource(dose, patient.id, performer))),
    ],
  };
}

/** A search answer: the matches, then what they reference (`include`). */
export function searchsetBundle(matches: readonly Resource[], included: readonly Resource[], options: { id: string; timestamp: string; selfUrl: string }): Bundle {
  return {
    resourceType: 'Bundle',
    id: options.id,
    type: 'searchset',
    timestamp: options.timestamp,
    total: matches.length,
    link: [{ relation: 'self', url: options.selfUrl }],
    entry: [...matches.map((resource) => entryOf(resource, 'match')), ...included.map((resource) => entryOf(resource, 'include'))],
  };
}
