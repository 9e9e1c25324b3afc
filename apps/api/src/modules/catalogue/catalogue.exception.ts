import type { FieldProblem } from '@vaccinate/api-contracts';
import { AppException } from '../../common/problem/app-exception';

export enum CatalogueExceptionCode {
  SiteNotFound = 'site.not_found',
  ProductNotFound = 'product.not_found',
  LotNotFound = 'lot.not_found',
  LotNumberTaken = 'lot.number_taken',
  InvalidSchedule = 'product.invalid_schedule',
  LotExpired = 'lot.expired',
  VersionConflict = 'catalogue.version_conflict',
}

const TEXT: Record<CatalogueExceptionCode, [number, string, string]> = {
  [CatalogueExceptionCode.SiteNotFound]: [404, 'Site not found', 'No site has this id.'],
  [CatalogueExceptionCode.ProductNotFound]: [404, 'Vaccine not found', 'No vaccine product has this id.'],
  [CatalogueExceptionCode.LotNotFound]: [404, 'Lot not found', 'No lot has this id.'],
  [CatalogueExceptionCode.LotNumberTaken]: [409, 'Lot already recorded', 'This product already has a lot with this number.'],
  [CatalogueExceptionCode.InvalidSchedule]: [400, 'Inconsistent dose schedule', 'Correct the listed fields.'],
  [CatalogueExceptionCode.LotExpired]: [400, 'Lot expired', 'The expiry date is in the past.'],
  [CatalogueExceptionCode.VersionConflict]: [409, 'Changed by someone else', 'Reload and apply your change again.'],
};

export class CatalogueException extends AppException {
  constructor(code: CatalogueExceptionCode, errors?: FieldProblem[]) {
    const [status, title, detail] = TEXT[code];
    super(code, status, title, detail, errors);
  }
}
