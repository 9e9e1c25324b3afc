import { AppException } from '../../common/problem/app-exception';

export enum VaccinationExceptionCode {
  NotFound = 'vaccination.not_found',
  LotUnavailable = 'vaccination.lot_unavailable',
  LotExpired = 'vaccination.lot_expired',
  OutOfStock = 'vaccination.out_of_stock',
  AlreadyDocumented = 'vaccination.already_documented',
  NotCurrent = 'vaccination.not_current',
}

/** What a documentation or correction answers when the repository refuses the lot. */
export const LOT_REFUSALS = {
  unavailable: VaccinationExceptionCode.LotUnavailable,
  expired: VaccinationExceptionCode.LotExpired,
  out_of_stock: VaccinationExceptionCode.OutOfStock,
} as const;

const ANSWERS: Record<VaccinationExceptionCode, [number, string, string]> = {
  [VaccinationExceptionCode.NotFound]: [404, 'Vaccination not found', 'No vaccination has this id.'],
  [VaccinationExceptionCode.LotUnavailable]: [409, 'This lot cannot be used', 'The lot is not one of this vaccine’s lots.'],
  [VaccinationExceptionCode.LotExpired]: [409, 'This lot has expired', 'Use a lot that has not expired.'],
  [VaccinationExceptionCode.OutOfStock]: [409, 'No dose left in this lot', 'The lot’s last dose was used; choose another lot.'],
  [VaccinationExceptionCode.AlreadyDocumented]: [409, 'Already documented', 'A dose is documented for this visit; correct it instead.'],
  [VaccinationExceptionCode.NotCurrent]: [409, 'This record was corrected meanwhile', 'Open the current version and correct that one.'],
};

export class VaccinationException extends AppException {
  constructor(code: VaccinationExceptionCode) {
    const [status, title, detail] = ANSWERS[code];
    super(code, status, title, detail);
  }
}
