import { decodeHealthCardJws, type FhirImmunization } from '@vaccinate/smart-health-card';

/**
 * The FHIR R4 Immunization resources of the health card the issuer signed. Decoding without
 * verifying is sound here: the JWS arrived inside the token, whose signature was just verified.
 * `patient.reference` keeps the card's `resource:0`, the Patient of the same card.
 */
export function immunizationResources(shcJws: string): FhirImmunization[] {
  const { payload } = decodeHealthCardJws(shcJws);
  return payload.vc.credentialSubject.fhirBundle.entry
    .map((entry) => entry.resource)
    .filter((resource): resource is FhirImmunization => resource.resourceType === 'Immunization');
}
