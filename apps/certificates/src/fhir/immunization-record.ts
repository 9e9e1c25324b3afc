import { euProductCodeOfKey, immunizationRecordBundle, nameBasedUuid, type Bundle } from '@vaccinate/fhir';
import type { OpenedIssuedCertificate } from '../certificate/certificate-opener.service';

/**
 * The certificate as a FHIR R4 collection Bundle: the holder, the issuing organisation and one
 * Immunization per dose, referencing each other by `urn:uuid:`. The ids are derived from the
 * certificate id and the issuer, so the same certificate always gives the same file.
 */
export function immunizationRecord({ record, issuer, issuedAt }: OpenedIssuedCertificate): Bundle {
  const id = (name: string) => nameBasedUuid(record.certificateId, name);
  return immunizationRecordBundle(
    {
      patient: { id: id('Patient'), details: record.person },
      performer: { id: nameBasedUuid(issuer, 'Organization'), name: record.issuerName },
      doses: record.doses.map((dose, index) => ({
        id: id(`Immunization/${index}`),
        productName: dose.productName,
        euProductCode: euProductCodeOfKey(dose.vaccine),
        occurrence: dose.date,
        lotNumber: dose.lotNumber,
        doseNumber: dose.doseNumber,
        seriesDoses: dose.seriesDoses,
      })),
    },
    { id: id('Bundle'), timestamp: issuedAt.toISOString() },
  );
}
