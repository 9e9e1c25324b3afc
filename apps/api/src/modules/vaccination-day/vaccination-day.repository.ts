import { Injectable } from '@nestjs/common';
import type { CapacityByDoseKind, Slot, VaccinationDay, VaccinationDayInput } from '@vaccinate/api-contracts';
import type { PoolClient } from 'pg';
import { Sql } from '../../database/sql';
import { availabilityChannel } from './availability-channel';

interface DayRow {
  id: string;
  site_id: string;
  date: string;
  opens_at: string;
  closes_at: string;
  slot_minutes: number;
  status: 'scheduled' | 'cancelled';
  doses_cap: number;
  doses_booked: number;
  version: number;
}

interface SlotRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  capacity_first: number;
  capacity_follow_up: number;
  capacity_booster: number;
  booked_first: number;
  booked_follow_up: number;
  booked_booster: number;
}

const dayColumns = (t: string) => `${t}.id, ${t}.site_id, to_char(${t}.date, 'YYYY-MM-DD') AS date,
  to_char(${t}.opens_at, 'HH24:MI') AS opens_at, to_char(${t}.closes_at, 'HH24:MI') AS closes_at, ${t}.slot_minutes,
  ${t}.status, ${t}.doses_cap, ${t}.version,
  (SELECT coalesce(sum(booked_first + booked_follow_up + booked_booster), 0)::int FROM slot WHERE day_id = ${t}.id) AS doses_booked`;

/** Thrown inside a transaction to roll it back when a lot cannot give the doses asked for. */
class LotUnavailable extends Error {}

/** Vaccination days, their lots and slots: the only code that writes them (booking counters aside). */
@Injectable()
export class VaccinationDayRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * Reserves the lots' doses, creates the day and its slots (local times in `timeZone`) in one
   * transaction. Returns null when a lot cannot give the doses (unknown, expired, or not enough left).
   */
  async create(input: VaccinationDayInput, timeZone: string): Promise<string | null> {
    return this.sql
      .transaction((client) => this.insertDay(client, input, timeZone))
      .catch((error: unknown) => {
        if (error instanceof LotUnavailable) return null;
        throw error;
      });
  }

  /** Every day of a series, or none: null when a lot cannot give the doses of all of them. */
  async createSeries(inputs: readonly VaccinationDayInput[], timeZone: string): Promise<string[] | null> {
    return this.sql
      .transaction(async (client) => {
        const ids: string[] = [];
        for (const input of inputs) ids.push(await this.insertDay(client, input, timeZone));
        return ids;
      })
      .catch((error: unknown) => {
        if (error instanceof LotUnavailable) return null;
        throw error;
      });
  }

  private async insertDay(client: PoolClient, input: VaccinationDayInput, timeZone: string): Promise<string> {
    for (const lot of input.lots) {
      const assigned = await client.query(
        `UPDATE lot SET doses_assigned = doses_assigned + $2
          WHERE id = $1 AND expiry_date >= $3::date
            AND doses_assigned + $2 <= doses_received - doses_used - doses_wasted`,
        [lot.lotId, lot.doses, input.date],
      );
      if (assigned.rowCount !== 1) throw new LotUnavailable();
    }
    const dosesCap = input.lots.reduce((sum, lot) => sum + lot.doses, 0);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO vaccination_day (site_id, date, opens_at, closes_at, slot_minutes, doses_cap, version)
       VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`,
      [input.siteId, input.date, input.opensAt, input.closesAt, input.slotMinutes, dosesCap],
    );
    const dayId = rows[0]?.id as string;
    for (const lot of input.lots) {
      await client.query('INSERT INTO vaccination_day_lot (day_id, lot_id, doses) VALUES ($1, $2, $3)', [dayId, lot.lotId, lot.doses]);
    }
    await client.query(
      `INSERT INTO slot (day_id, starts_at, ends_at, capacity_first, capacity_follow_up, capacity_booster)
       SELECT $1, local_start AT TIME ZONE $2, (local_start + make_interval(mins => $5)) AT TIME ZONE $2, $6, $7, $8
         FROM generate_series(($3::date + $4::time), ($3::date + $9::time) - make_interval(mins => $5), make_interval(mins => $5)) AS local_start`,
      [
        dayId,
        timeZone,
        input.date,
        input.opensAt,
        input.slotMinutes,
        input.capacityPerSlot.first,
        input.capacityPerSlot.followUp,
        input.capacityPerSlot.booster,
        input.closesAt,
      ],
    );
    await refreshCap(client, dayId);
    await notifyDay(client, dayId);
    return dayId;
  }

  async find(id: string): Promise<VaccinationDay | null> {
    const { rows } = await this.sql.query<DayRow>(`SELECT ${dayColumns('d')} FROM vaccination_day d WHERE d.id = $1`, [id]);
    const day = rows[0];
    if (!day) return null;
    const [slots, lots] = await Promise.all([
      this.sql.query<SlotRow>('SELECT * FROM slot WHERE day_id = $1 ORDER BY starts_at', [id]),
      this.sql.query<{ lot_id: string; doses: number; product_id: string }>(
        'SELECT dl.lot_id, dl.doses, l.product_id FROM vaccination_day_lot dl JOIN lot l ON l.id = dl.lot_id WHERE dl.day_id = $1',
        [id],
      ),
    ]);
    return {
      ...toDaySummary(day),
      productIds: [...new Set(lots.rows.map((lot) => lot.product_id))],
      lots: lots.rows.map((lot) => ({ lotId: lot.lot_id, doses: lot.doses })),
      slots: slots.rows.map(toSlot),
    };
  }

  async list(fromDate: string): Promise<Omit<VaccinationDay, 'slots'>[]> {
    const { rows } = await this.sql.query<DayRow & { lots: { lotId: string; doses: number; productId: string }[] }>(
      `SELECT ${dayColumns('d')},
              coalesce(json_agg(json_build_object('lotId', dl.lot_id, 'doses', dl.doses, 'productId', l.product_id))
                FILTER (WHERE dl.lot_id IS NOT NULL), '[]') AS lots
         FROM vaccination_day d
         LEFT JOIN vaccination_day_lot dl ON dl.day_id = d.id
         LEFT JOIN lot l ON l.id = dl.lot_id
        WHERE d.date >= $1
        GROUP BY d.id ORDER BY d.date, d.opens_at`,
      [fromDate],
    );
    return rows.map((row) => ({
      ...toDaySummary(row),
      productIds: [...new Set(row.lots.map((lot) => lot.productId))],
      lots: row.lots.map(({ lotId, doses }) => ({ lotId, doses })),
    }));
  }

  /**
   * Sets every slot's capacity, unless a slot already has more bookings of a kind than the new
   * capacity: then nothing changes and the offending slot count per kind is returned.
   */
  async changeCapacity(client: PoolClient, dayId: string, capacity: CapacityByDoseKind): Promise<Record<string, number> | null> {
    const { rows } = await client.query<{ first: string; follow_up: string; booster: string }>(
      `SELECT count(*) FILTER (WHERE booked_first > $2) AS first,
              count(*) FILTER (WHERE booked_follow_up > $3) AS follow_up,
              count(*) FILTER (WHERE booked_booster > $4) AS booster
         FROM slot WHERE day_id = $1`,
      [dayId, capacity.first, capacity.followUp, capacity.booster],
    );
    const blocked = { first: Number(rows[0]?.first), followUp: Number(rows[0]?.follow_up), booster: Number(rows[0]?.booster) };
    if (blocked.first + blocked.followUp + blocked.booster > 0) return blocked;
    await client.query('UPDATE slot SET capacity_first = $2, capacity_follow_up = $3, capacity_booster = $4 WHERE day_id = $1', [
      dayId,
      capacity.first,
      capacity.followUp,
      capacity.booster,
    ]);
    return null;
  }

  /** Swaps the day's lot assignment; false when a lot cannot give the doses. Caller checks the cap. */
  async replaceLots(client: PoolClient, dayId: string, date: string, lots: { lotId: string; doses: number }[]): Promise<boolean> {
    await releaseLots(client, dayId);
    for (const lot of lots) {
      const assigned = await client.query(
        `UPDATE lot SET doses_assigned = doses_assigned + $2
          WHERE id = $1 AND expiry_date >= $3::date AND doses_assigned + $2 <= doses_received - doses_used - doses_wasted`,
        [lot.lotId, lot.doses, date],
      );
      if (assigned.rowCount !== 1) return false;
      await client.query('INSERT INTO vaccination_day_lot (day_id, lot_id, doses) VALUES ($1, $2, $3)', [dayId, lot.lotId, lot.doses]);
    }
    await client.query('UPDATE vaccination_day SET doses_cap = $2, doses_cap_binding = true WHERE id = $1', [dayId, lots.reduce((sum, lot) => sum + lot.doses, 0)]);
    return true;
  }

  /** Locks the day row for a change; null when it does not exist. */
  async lockForChange(client: PoolClient, dayId: string): Promise<DaySummaryRow | null> {
    const { rows } = await client.query<DayRow>(`SELECT ${dayColumns('d')} FROM vaccination_day d WHERE d.id = $1 FOR UPDATE`, [dayId]);
    return rows[0] ? toDaySummary(rows[0]) : null;
  }

  /** Locks every slot of the day against bookings for the rest of the transaction; returns the doses booked. */
  async lockSlots(client: PoolClient, dayId: string): Promise<number> {
    const { rows } = await client.query<{ booked: number }>('SELECT booked_first + booked_follow_up + booked_booster AS booked FROM slot WHERE day_id = $1 FOR UPDATE', [
      dayId,
    ]);
    return rows.reduce((sum, row) => sum + row.booked, 0);
  }

  /** After a change: whether the cap can bind now, and its counter, recounted from the (locked) slots. */
  async finishChange(client: PoolClient, dayId: string): Promise<void> {
    await refreshCap(client, dayId);
    await client.query('UPDATE vaccination_day SET version = version + 1, updated_at = now() WHERE id = $1', [dayId]);
    await notifyDay(client, dayId);
  }

  async markCancelled(client: PoolClient, dayId: string): Promise<void> {
    await client.query(`UPDATE vaccination_day SET status = 'cancelled', version = version + 1, updated_at = now() WHERE id = $1`, [dayId]);
    await releaseLots(client, dayId);
    await notifyDay(client, dayId);
  }

  transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.sql.transaction(work);
  }
}

export type DaySummaryRow = ReturnType<typeof toDaySummary>;

async function releaseLots(client: PoolClient, dayId: string): Promise<void> {
  await client.query(`UPDATE lot SET doses_assigned = lot.doses_assigned - dl.doses FROM vaccination_day_lot dl WHERE dl.day_id = $1 AND dl.lot_id = lot.id`, [dayId]);
  await client.query('DELETE FROM vaccination_day_lot WHERE day_id = $1', [dayId]);
}

async function refreshCap(client: PoolClient, dayId: string): Promise<void> {
  await client.query(
    `UPDATE vaccination_day d
        SET doses_booked = totals.booked,
            doses_cap_binding = d.doses_cap < totals.capacity
       FROM (SELECT coalesce(sum(booked_first + booked_follow_up + booked_booster), 0) AS booked,
                    coalesce(sum(capacity_first + capacity_follow_up + capacity_booster), 0) AS capacity
               FROM slot WHERE day_id = $1) totals
      WHERE d.id = $1`,
    [dayId],
  );
}

async function notifyDay(client: PoolClient, dayId: string): Promise<void> {
  await availabilityChannel.announce(client, [`day:${dayId}`]);
}

function toDaySummary(row: DayRow) {
  return {
    id: row.id,
    siteId: row.site_id,
    date: row.date,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    slotMinutes: row.slot_minutes,
    status: row.status,
    dosesCap: row.doses_cap,
    dosesBooked: row.doses_booked,
    version: row.version,
  };
}

function toSlot(row: SlotRow): Slot {
  return {
    id: row.id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    capacity: { first: row.capacity_first, followUp: row.capacity_follow_up, booster: row.capacity_booster },
    booked: { first: row.booked_first, followUp: row.booked_follow_up, booster: row.booked_booster },
  };
}
