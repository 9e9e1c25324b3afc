export {
  buildImmunizationBundle,
  type FhirBundleEntry,
  type FhirCoding,
  type FhirImmunization,
  type FhirImmunizationBundle,
  type FhirPatient,
  type ShcDose,
  type ShcPatient,
} from './fhir-bundle';
export { MAX_SINGLE_QR_JWS_LENGTH, SHC_QR_PREFIX, jwsToQrText, qrTextToJws } from './qr-numeric';
export { ShcError, type ShcErrorCode } from './shc-error';
export { SMART_HEALTH_CARD_MEDIA_TYPE, parseSmartHealthCardFile, toSmartHealthCardFile } from './shc-file';
export {
  HEALTH_CARD_TYPE,
  createHealthCardJws,
  decodeHealthCardJws,
  verifyHealthCardJws,
  type CreateHealthCardOptions,
  type DecodedHealthCard,
  type HealthCardJwsHeader,
  type HealthCardPayload,
  type ShcVerificationKeys,
  type VerifyHealthCardOptions,
} from './shc-jws';
export { shcKeyId, shcPublicJwk, type ShcPublicJwk } from './shc-key';
export { CVX_SYSTEM, SHC_VACCINES, SNOMED_SYSTEM, type ShcCodeSystem, type ShcVaccine, type ShcVaccineId } from './shc-vaccines';
