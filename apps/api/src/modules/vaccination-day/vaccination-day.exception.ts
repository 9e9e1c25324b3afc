import type { FieldProblem } from '@vaccinate/api-contracts';
import { AppException } from '../../common/problem/app-exception';

export enum VaccinationDayExceptionCode {
  NotFound = 'day.not_found',
  InvalidHours = 'day.invalid_hours',
  InPast = 'day.in_past',
  LotUnavailable = 'day.lot_unavailable',
  CapacityBelowBooked = 'day.capacity_below_booked',
  DosesBelowBooked = 'day.doses_below_booked',
  Cancelled = 'day.cancelled',
  VersionConflict = 'day.version_conflict',
}

export class VaccinationDayException extends AppException {
  // Not useless: it narrows `code` to this module's enum.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(code: VaccinationDayExceptionCode, status: number, title: string, detail: string, errors?: FieldProblem[]) {
    super(code, status, title, detail, errors);
  }

  static notFound(): VaccinationDayException {
    return new VaccinationDayException(VaccinationDayExceptionCode.NotFound, 404, 'Vaccination day not found', 'No vaccination day has this id.');
  }
}
