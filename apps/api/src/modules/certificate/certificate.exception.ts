import { AppException } from '../../common/problem/app-exception';

export enum CertificateExceptionCode {
  VaccinationNotFound = 'certificate.vaccination_not_found',
  VaccinationSuperseded = 'certificate.vaccination_superseded',
  HolderIncomplete = 'certificate.holder_incomplete',
  LinkNotFound = 'certificate.link_not_found',
  SignerNotValid = 'certificate.signer_not_valid',
}

const DETAILS: Record<CertificateExceptionCode, { status: number; title: string; detail: string }> = {
  [CertificateExceptionCode.VaccinationNotFound]: { status: 404, title: 'Vaccination not found', detail: 'No documented vaccination has this id.' },
  [CertificateExceptionCode.VaccinationSuperseded]: {
    status: 409,
    title: 'Vaccination was corrected',
    detail: 'This documentation was replaced by a correction; issue the certificate for the corrected vaccination.',
  },
  [CertificateExceptionCode.HolderIncomplete]: {
    status: 422,
    title: 'Person record incomplete',
    detail: 'A certificate needs a name and a full birth date (YYYY-MM-DD); correct the person record first.',
  },
  [CertificateExceptionCode.LinkNotFound]: {
    status: 404,
    title: 'Link not valid',
    detail: 'This certificate link is not valid or has expired. Ask your vaccination center to send the certificate again.',
  },
  [CertificateExceptionCode.SignerNotValid]: {
    status: 503,
    title: 'Certificates cannot be signed now',
    detail: "The signing key's Document Signer Certificate is not valid now, so no certificate was issued. The operator must rotate to a key with a valid one.",
  },
};

export class CertificateException extends AppException {
  constructor(code: CertificateExceptionCode) {
    const { status, title, detail } = DETAILS[code];
    super(code, status, title, detail);
  }
}
