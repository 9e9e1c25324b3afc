import { Injectable } from '@nestjs/common';
import type { WasteReason } from '@vaccinate/api-contracts';
import { currentActor } from '../../common/request-context';
import { VaccinationException, VaccinationExceptionCode } from './vaccination.exception';
import { VaccinationRepository } from './vaccination.repository';

/** Discarded doses come out of the lot's stock with a reason, so the stock on paper matches the fridge. */
@Injectable()
export class WasteService {
  constructor(private readonly vaccinations: VaccinationRepository) {}

  async record(lotId: string, doses: number, reason: WasteReason, dayId: string | null): Promise<{ lotId: string; dosesLeft: number }> {
    const outcome = await this.vaccinations.recordWaste({ lotId, doses, reason, dayId, recordedBy: currentActor() });
    if (outcome === 'out_of_stock') throw new VaccinationException(VaccinationExceptionCode.OutOfStock);
    if (outcome === 'unavailable') throw new VaccinationException(VaccinationExceptionCode.LotUnavailable);
    return { lotId, dosesLeft: outcome };
  }
}
