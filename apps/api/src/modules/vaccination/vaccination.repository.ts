import { Inject, Injectable } from '@nestjs/common';
import type { DayReport, InjectionRoute, InjectionSite, ReactionSeverity, Vaccination, VaccinationStatus, WasteReason } from '@vaccinate/api-contracts';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { adverseReactionFields, personFields, vaccinationFields } from '../../database/encrypted-fields';
import { Sql, type SqlClient } from '../../database/sql';
import { staffName, staffNameCiphertext } from '../auth/staff-account.repository';

export interface NewVaccination {
  personId: string;
  visitId: string | null;
  productId: string;
  lotId: string;
  siteId: string;
  doseNumber: number;
  seriesDoses: number;
  doseNumberReason: string | null;
  injectionSite: InjectionSite;
  route: InjectionRoute;
  vaccinator: string;
  documentedBy: string;
  administeredAt: Date;
  supersedesId: string | null;
  correctionReason: string | null;
}

interface Row {
  id: string;
  person_id: string;
  visit_id: string | null;
  product_id: string;
  product_name: string;
  lot_id: string;
  lot_number: string;
  site_id: string;
  dose_number: number;
  series_doses: number;
  dose_number_reason_encrypted: string | null;
  injection_site: InjectionSite;
  route: InjectionRoute;
  vaccinator: string;
  documented_by: string;
  vaccinator_name_encrypted: string | null;
  documented_by_name_encrypted: string | null;
  administered_at: Date;
  status: VaccinationStatus;
  supersedes_id: string | null;
  correction_reason_encrypted: string | null;
  created_at: Date;
  reactions: { id: string; severity: ReactionSeverity; description_encrypted: string; recorded_at: string }[];
}

const SELECT = `
  SELECT v.*, p.name AS product_name, l.lot_number,
         ${staffNameCiphertext('v.vaccinator')} AS vaccinator_name_encrypted, ${staffNameCiphertext('v.documented_by')} AS documented_by_name_encrypted,
         coalesce((SELECT json_agg(json_build_object('id', r.id, 'severity', r.severity, 'description_encrypted', r.description_encrypted,
                                                     'recorded_at', r.recorded_at) ORDER BY r.recorded_at)
                     FROM adverse_reaction r WHERE r.vaccination_id = v.id), '[]') AS reactions
    FROM vaccination v JOIN vaccine_product p ON p.id = v.product_id JOIN lot l ON l.id = v.lot_id`;

/** Documented doses, lot stock and reactions; reasons and reactions are encrypted here and nowhere else. */
@Injectable()
export class VaccinationRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  /** Valid doses of the person against the same disease as `productId` (any product of it), oldest first. */
  async history(personId: string, productId: string, client: SqlClient = this.sql): Promise<{ doseNumber: number; administeredAt: Date }[]> {
    const { rows } = await client.query<{ dose_number: number; administered_at: Date }>(
      `SELECT v.dose_number, v.administered_at FROM vaccination v JOIN vaccine_product p ON p.id = v.product_id
        WHERE v.person_id = $1 AND v.status = 'valid'
          AND p.prophylaxis_code = (SELECT prophylaxis_code FROM vaccine_product WHERE id = $2)
        ORDER BY v.administered_at`,
      [personId, productId],
    );
    return rows.map((row) => ({ doseNumber: row.dose_number, administeredAt: row.administered_at }));
  }

  /**
   * Takes one dose out of the lot if it is the product's, not expired on `today` and has a dose left.
   * One conditional UPDATE: two doctors documenting the last dose at once cannot both get it.
   */
  async takeDose(client: SqlClient, lotId: string, productId: string, today: string): Promise<boolean> {
    const { rowCount } = await client.query(
      `UPDATE lot SET doses_used = doses_used + 1
        WHERE id = $1 AND product_id = $2 AND expiry_date >= $3 AND doses_used + doses_wasted < doses_received`,
      [lotId, productId, today],
    );
    return rowCount === 1;
  }

  /** Why `takeDose` refused. */
  async lotRefusal(client: SqlClient, lotId: string, productId: string, today: string): Promise<'unavailable' | 'expired' | 'out_of_stock'> {
    const { rows } = await client.query<{ product_id: string; expired: boolean }>('SELECT product_id, expiry_date < $2 AS expired FROM lot WHERE id = $1', [
      lotId,
      today,
    ]);
    const lot = rows[0];
    if (!lot || lot.product_id !== productId) return 'unavailable';
    return lot.expired ? 'expired' : 'out_of_stock';
  }

  async returnDose(client: SqlClient, lotId: string): Promise<void> {
    await client.query('UPDATE lot SET doses_used = doses_used - 1 WHERE id = $1 AND doses_used > 0', [lotId]);
  }

  /**
   * Takes discarded doses out of the lot's stock and records why, in one transaction; the doses left,
   * or the refusal when the lot does not exist or has fewer doses than that.
   */
  async recordWaste(waste: {
    lotId: string;
    doses: number;
    reason: WasteReason;
    dayId: string | null;
    recordedBy: string;
  }): Promise<number | 'out_of_stock' | 'unavailable'> {
    return this.sql.transaction(async (client) => {
      const { rows } = await client.query<{ doses_left: number }>(
        `UPDATE lot SET doses_wasted = doses_wasted + $2 WHERE id = $1 AND doses_used + doses_wasted + $2 <= doses_received
         RETURNING doses_received - doses_used - doses_wasted AS doses_left`,
        [waste.lotId, waste.doses],
      );
      if (!rows[0]) {
        const exists = await client.query('SELECT 1 FROM lot WHERE id = $1', [waste.lotId]);
        return exists.rowCount ? 'out_of_stock' : 'unavailable';
      }
      await client.query('INSERT INTO lot_waste (lot_id, day_id, doses, reason, recorded_by) VALUES ($1, $2, $3, $4, $5)', [
        waste.lotId,
        waste.dayId,
        waste.doses,
        waste.reason,
        waste.recordedBy,
      ]);
      return rows[0].doses_left;
    });
  }

  async insert(client: SqlClient, vaccination: NewVaccination): Promise<string> {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO vaccination (person_id, visit_id, product_id, lot_id, site_id, dose_number, series_doses, dose_number_reason_encrypted,
                                injection_site, route, vaccinator, documented_by, administered_at, supersedes_id, correction_reason_encrypted)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        vaccination.personId,
        vaccination.visitId,
        vaccination.productId,
        vaccination.lotId,
        vaccination.siteId,
        vaccination.doseNumber,
        vaccination.seriesDoses,
        vaccination.doseNumberReason ? vaccinationFields.doseNumberReason.encrypt(this.ring, vaccination.doseNumberReason) : null,
        vaccination.injectionSite,
        vaccination.route,
        vaccination.vaccinator,
        vaccination.documentedBy,
        vaccination.administeredAt,
        vaccination.supersedesId,
        vaccination.correctionReason ? vaccinationFields.correctionReason.encrypt(this.ring, vaccination.correctionReason) : null,
      ],
    );
    return rows[0]?.id as string;
  }

  /** Marks a valid record superseded; false when it was not valid (corrected meanwhile). */
  async supersede(client: SqlClient, id: string): Promise<boolean> {
    const { rowCount } = await client.query(`UPDATE vaccination SET status = 'superseded' WHERE id = $1 AND status = 'valid'`, [id]);
    return rowCount === 1;
  }

  async byId(id: string, client: SqlClient = this.sql, lock = false): Promise<Vaccination | null> {
    if (lock) await client.query('SELECT 1 FROM vaccination WHERE id = $1 FOR UPDATE', [id]);
    const { rows } = await client.query<Row>(`${SELECT} WHERE v.id = $1`, [id]);
    return rows[0] ? this.toVaccination(rows[0]) : null;
  }

  async validForVisit(visitId: string, client: SqlClient = this.sql): Promise<Vaccination | null> {
    const { rows } = await client.query<Row>(`${SELECT} WHERE v.visit_id = $1 AND v.status = 'valid'`, [visitId]);
    return rows[0] ? this.toVaccination(rows[0]) : null;
  }

  /** Every version of every dose of the person, newest first. */
  async forPerson(personId: string): Promise<Vaccination[]> {
    const { rows } = await this.sql.query<Row>(`${SELECT} WHERE v.person_id = $1 ORDER BY v.administered_at DESC, v.created_at DESC`, [personId]);
    return rows.map((row) => this.toVaccination(row));
  }

  async addReaction(client: SqlClient, vaccinationId: string, severity: ReactionSeverity, description: string, recordedBy: string): Promise<void> {
    await client.query('INSERT INTO adverse_reaction (vaccination_id, severity, description_encrypted, recorded_by) VALUES ($1, $2, $3, $4)', [
      vaccinationId,
      severity,
      adverseReactionFields.description.encrypt(this.ring, description),
      recordedBy,
    ]);
  }

  /** The valid doses documented at the day's visits, in the order given: who, which lot, by whom (decrypted; the caller audits). */
  async givenOnDay(dayId: string): Promise<DayReport['doses']> {
    const { rows } = await this.sql.query<{
      id: string;
      administered_at: Date;
      person_id: string;
      given_name_encrypted: string;
      family_name_encrypted: string;
      birth_date_encrypted: string;
      product_name: string;
      dose_number: number;
      lot_number: string;
      vaccinator: string;
      vaccinator_name_encrypted: string | null;
    }>(
      `SELECT vac.id, vac.administered_at, vac.person_id, pe.given_name_encrypted, pe.family_name_encrypted, pe.birth_date_encrypted,
              p.name AS product_name, vac.dose_number, l.lot_number, vac.vaccinator, ${staffNameCiphertext('vac.vaccinator')} AS vaccinator_name_encrypted
         FROM vaccination vac JOIN visit v ON v.id = vac.visit_id JOIN person pe ON pe.id = vac.person_id
         JOIN vaccine_product p ON p.id = vac.product_id JOIN lot l ON l.id = vac.lot_id
        WHERE v.day_id = $1 AND vac.status = 'valid'
        ORDER BY vac.administered_at, vac.id`,
      [dayId],
    );
    return rows.map((row) => ({
      vaccinationId: row.id,
      administeredAt: row.administered_at.toISOString(),
      person: {
        id: row.person_id,
        givenName: personFields.givenName.decrypt(this.ring, row.given_name_encrypted),
        familyName: personFields.familyName.decrypt(this.ring, row.family_name_encrypted),
        birthDate: personFields.birthDate.decrypt(this.ring, row.birth_date_encrypted),
      },
      productName: row.product_name,
      doseNumber: row.dose_number,
      lotNumber: row.lot_number,
      vaccinator: { id: row.vaccinator, name: staffName(this.ring, row.vaccinator_name_encrypted) },
    }));
  }

  /** Lots of the product with doses left and not expired on `today`; the day's lots first, then by expiry. */
  async usableLots(
    productId: string,
    dayId: string,
    today: string,
  ): Promise<{ id: string; lotNumber: string; expiryDate: string; dosesLeft: number; assignedToDay: boolean }[]> {
    const { rows } = await this.sql.query<{ id: string; lot_number: string; expiry_date: string; doses_left: number; assigned: boolean }>(
      `SELECT l.id, l.lot_number, to_char(l.expiry_date, 'YYYY-MM-DD') AS expiry_date, l.doses_received - l.doses_used - l.doses_wasted AS doses_left,
              EXISTS (SELECT 1 FROM vaccination_day_lot dl WHERE dl.lot_id = l.id AND dl.day_id = $2) AS assigned
         FROM lot l
        WHERE l.product_id = $1 AND l.expiry_date >= $3 AND l.doses_used + l.doses_wasted < l.doses_received
        ORDER BY assigned DESC, l.expiry_date, l.lot_number`,
      [productId, dayId, today],
    );
    return rows.map((row) => ({ id: row.id, lotNumber: row.lot_number, expiryDate: row.expiry_date, dosesLeft: row.doses_left, assignedToDay: row.assigned }));
  }

  private toVaccination(row: Row): Vaccination {
    return {
      id: row.id,
      personId: row.person_id,
      visitId: row.visit_id,
      productId: row.product_id,
      productName: row.product_name,
      lotId: row.lot_id,
      lotNumber: row.lot_number,
      siteId: row.site_id,
      doseNumber: row.dose_number,
      seriesDoses: row.series_doses,
      doseNumberReason: row.dose_number_reason_encrypted ? vaccinationFields.doseNumberReason.decrypt(this.ring, row.dose_number_reason_encrypted) : null,
      injectionSite: row.injection_site,
      route: row.route,
      vaccinator: row.vaccinator,
      documentedBy: row.documented_by,
      vaccinatorName: staffName(this.ring, row.vaccinator_name_encrypted),
      documentedByName: staffName(this.ring, row.documented_by_name_encrypted),
      administeredAt: row.administered_at.toISOString(),
      status: row.status,
      supersedesId: row.supersedes_id,
      correctionReason: row.correction_reason_encrypted ? vaccinationFields.correctionReason.decrypt(this.ring, row.correction_reason_encrypted) : null,
      createdAt: row.created_at.toISOString(),
      adverseReactions: row.reactions.map((reaction) => ({
        id: reaction.id,
        severity: reaction.severity,
        description: adverseReactionFields.description.decrypt(this.ring, reaction.description_encrypted),
        recordedAt: new Date(reaction.recorded_at).toISOString(),
      })),
    };
  }
}
