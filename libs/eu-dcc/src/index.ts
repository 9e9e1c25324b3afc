export { Base45Error, base45Decode, base45Encode } from './base45';
export { COSE_ALG_ES256, coseKeyId, decodeCoseSign1, signCoseSign1, verifyCoseSign1, type CoseHeader, type CoseSign1 } from './cose-sign1';
export { DccError, type DccErrorCode } from './dcc-error';
export { dccKeyId, resolveVerificationKey, type DccSigner, type DccVerificationKey, type ResolvedVerificationKey } from './dcc-key';
export {
  DCC_SCHEMA_VERSION,
  DCC_TARGET_COVID_19,
  DccPayloadError,
  buildVaccinationPayload,
  type DccName,
  type DccVaccinationEntry,
  type DccVaccinationPayload,
  type VaccinationCertificateInput,
} from './dcc-payload';
export { doseNumbering, type DoseNumbering } from './dose-numbering';
export { HC1_PREFIX, decodeHc1, encodeHc1, verifyHc1, type DccClaims, type DccPayload, type EncodeHc1Options, type Hc1Contents, type VerifyHc1Options } from './hc1';
export { TransliterationError, transliterateIcao } from './icao-transliteration';
export { UvciError, generateUvci, isValidUvci, uvciCheckCharacter, type UvciOptions } from './uvci';
export { DCC_VACCINES, type DccVaccine, type DccVaccineId } from './dcc-vaccines';
