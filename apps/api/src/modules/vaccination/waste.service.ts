import { Injectable } from '@nestjs/common';
import type { WasteReason } from '@vaccinate/api-contracts';
import { Sql } from '../../database/sql';
import { currentActor } from '../../common/request-context';
import { VaccinationException, VaccinationExceptionCode } from './vaccination.exception';

/** Discarded doses come out of the lot's stock with a reason, so the stock on paper matches the fridge. */
@Injectable()
export class WasteService {
  constructor(private readonly sql: Sql) {}

  async record(lotId: string, doses: number, reason: WasteReason, dayId: string | null): Promise<{ lotId: string; dosesLeft: number }> {
    return this.sql.transaction(async (client) => {
      const { rows } = await client.query<{ doses_left: number }>(
        `UPDATE lot SET doses_wasted = doses_wasted + $2 WHERE id = $1 AND doses_used + doses_wasted + $2 <= doses_received
         RETURNING doses_received - doses_used - doses_wasted AS doses_left`,
        [lotId, doses],
      );
      if (!rows[0]) {
        const exists = await client.query('SELECT 1 FROM lot WHERE id = $1', [lotId]);
        throw new VaccinationException(exists.rowCount ? VaccinationExceptionCode.OutOfStock : VaccinationExceptionCode.LotUnavailable);
      }
      await client.query('INSERT INTO lot_waste (lot_id, day_id, doses, reason, recorded_by) VALUES ($1, $2, $3, $4, $5)', [lotId, dayId, doses, reason, currentActor()]);
      return { lotId, dosesLeft: rows[0].doses_left };
    });
  }
}
