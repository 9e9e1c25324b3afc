import { CVX_SYSTEM, SHC_VACCINES, SNOMED_SYSTEM, type ShcCodeSystem, type ShcVaccineId } from './shc-vaccines';

/** The minimal FHIR R4 shapes a health card carries: no ids, meta, narrative or displays, to keep the QR small. */
export interface FhirCoding {
  system: string;
  code: string;
}

export interface FhirPatient {
  resourceType: 'Patient';
  name: { family?: string; given?: string[] }[];
  birthDate: string;
}

export interface FhirImmunization {
  resourceType: 'Immunization';
  status: 'completed';
  vaccineCode: { coding: FhirCoding[] };
  patient: { reference: string };
  occurrenceDateTime: string;
  performer?: { actor: { display: string } }[];
  lotNumber?: string;
}

export interface FhirBundleEntry<R> {
  fullUrl: string;
  resource: R;
}

export interface FhirImmunizationBundle {
  resourceType: 'Bundle';
  type: 'collection';
  entry: [FhirBundleEntry<FhirPatient>, ...FhirBundleEntry<FhirImmunization>[]];
}

export interface ShcDose {
  vaccine: ShcVaccineId;
  /** YYYY-MM-DD. */
  date: string;
  lotNumber?: string;
  /** Who administered: the organisation shown to verifiers. */
  performer?: string;
}

export interface ShcPatient {
  familyName?: string;
  /** Given names, space-separated. */
  givenName?: string;
  /** YYYY-MM-DD (or YYYY-MM, YYYY). */
  birthDate: string;
}

/** A FHIR R4 collection Bundle: the Patient at `resource:0`, then one Immunization per dose. */
export function buildImmunizationBundle(patient: ShcPatient, doses: ShcDose[], codeSystem: ShcCodeSystem = 'cvx'): FhirImmunizationBundle {
  if (doses.length === 0) throw new RangeError('a health card needs at least one dose');
  const name: { family?: string; given?: string[] } = {};
  if (patient.familyName?.trim()) name.family = patient.familyName.trim();
  const given = patient.givenName?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (given.length > 0) name.given = given;
  if (!name.family && !name.given) throw new RangeError('a family name or a given name is required');
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: 'resource:0', resource: { resourceType: 'Patient', name: [name], birthDate: patient.birthDate } },
      ...doses.map((dose, index) => ({ fullUrl: `resource:${index + 1}`, resource: immunization(dose, codeSystem) })),
    ],
  };
}

function immunization(dose: ShcDose, codeSystem: ShcCodeSystem): FhirImmunization {
  const vaccine = SHC_VACCINES[dose.vaccine];
  const coding = codeSystem === 'cvx' ? { system: CVX_SYSTEM, code: vaccine.cvx } : { system: SNOMED_SYSTEM, code: vaccine.snomed };
  const resource: FhirImmunization = {
    resourceType: 'Immunization',
    status: 'completed',
    vaccineCode: { coding: [coding] },
    patient: { reference: 'resource:0' },
    occurrenceDateTime: dose.date,
  };
  if (dose.performer) resource.performer = [{ actor: { display: dose.performer } }];
  if (dose.lotNumber) resource.lotNumber = dose.lotNumber;
  return resource;
}
