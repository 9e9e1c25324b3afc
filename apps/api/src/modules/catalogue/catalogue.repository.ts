import { Injectable } from '@nestjs/common';
import type { Lot, LotInput, Site, SiteInput, VaccineProduct, VaccineProductInput } from '@vaccinate/api-contracts';
import { Sql } from '../../database/sql';
import { CatalogueException, CatalogueExceptionCode } from './catalogue.exception';

const UNIQUE_VIOLATION = '23505';

/** Each writable field and its column; jsonb columns are sent as JSON text (pg would send an array as a Postgres array). */
type Columns<T> = { [K in keyof Required<T>]: { column: string; json?: true } };

const SITE_COLUMNS: Columns<SiteInput> = {
  name: { column: 'name' },
  street: { column: 'street' },
  postalCode: { column: 'postal_code' },
  city: { column: 'city' },
  openingHours: { column: 'opening_hours' },
  stations: { column: 'stations' },
};

const PRODUCT_COLUMNS: Columns<VaccineProductInput> = {
  name: { column: 'name' },
  manufacturer: { column: 'manufacturer' },
  euProductCode: { column: 'eu_product_code' },
  marketingAuthorisationHolder: { column: 'marketing_authorisation_holder' },
  prophylaxisCode: { column: 'prophylaxis_code' },
  primaryDoses: { column: 'primary_doses' },
  followUpIntervals: { column: 'follow_up_intervals', json: true },
  boosterMinDaysAfterSeries: { column: 'booster_min_days_after_series' },
  minAgeYears: { column: 'min_age_years' },
  maxAgeYears: { column: 'max_age_years' },
  active: { column: 'active' },
};

const LOT_COLUMNS = `id, product_id, lot_number, to_char(expiry_date, 'YYYY-MM-DD') AS expiry_date, doses_received, doses_assigned, doses_used, doses_wasted`;

interface LotRow {
  id: string;
  product_id: string;
  lot_number: string;
  expiry_date: string;
  doses_received: number;
  doses_assigned: number;
  doses_used: number;
  doses_wasted: number;
}

/** A table's columns named as the contract names its fields, for `SELECT` and `RETURNING`. */
function selectList<T>(columns: Columns<T>): string {
  return ['id', ...Object.entries<{ column: string }>(columns).map(([field, { column }]) => `${column} AS "${field}"`), 'version'].join(', ');
}

/** The given fields of `change` as column values, in the columns' order; fields left out are not touched. */
function assignments<T extends object>(columns: Columns<T>, change: Partial<T>): { column: string; value: unknown }[] {
  return Object.entries<{ column: string; json?: true }>(columns).flatMap(([field, { column, json }]) => {
    const value = (change as Record<string, unknown>)[field];
    if (value === undefined) return [];
    return [{ column, value: json ? JSON.stringify(value) : value }];
  });
}

/** Sites, vaccine products and lots: the only code that touches their tables. */
@Injectable()
export class CatalogueRepository {
  private readonly siteSelect = selectList(SITE_COLUMNS);
  private readonly productSelect = selectList(PRODUCT_COLUMNS);

  constructor(private readonly sql: Sql) {}

  async listSites(): Promise<Site[]> {
    return (await this.sql.query<Site>(`SELECT ${this.siteSelect} FROM site ORDER BY name`)).rows;
  }

  async findSite(id: string): Promise<Site | null> {
    return (await this.sql.query<Site>(`SELECT ${this.siteSelect} FROM site WHERE id = $1`, [id])).rows[0] ?? null;
  }

  async insertSite(input: SiteInput): Promise<Site> {
    return this.insertVersioned<SiteInput, Site>('site', SITE_COLUMNS, this.siteSelect, input);
  }

  async updateSite(id: string, change: Partial<SiteInput>, version: number): Promise<Site> {
    return this.updateVersioned<SiteInput, Site>('site', SITE_COLUMNS, this.siteSelect, id, change, version, CatalogueExceptionCode.SiteNotFound);
  }

  async listProducts(onlyActive = false): Promise<VaccineProduct[]> {
    const { rows } = await this.sql.query<VaccineProduct>(`SELECT ${this.productSelect} FROM vaccine_product WHERE (active OR NOT $1) ORDER BY name`, [onlyActive]);
    return rows;
  }

  async findProduct(id: string): Promise<VaccineProduct | null> {
    return (await this.sql.query<VaccineProduct>(`SELECT ${this.productSelect} FROM vaccine_product WHERE id = $1`, [id])).rows[0] ?? null;
  }

  async insertProduct(input: VaccineProductInput): Promise<VaccineProduct> {
    return this.insertVersioned<VaccineProductInput, VaccineProduct>('vaccine_product', PRODUCT_COLUMNS, this.productSelect, input);
  }

  async updateProduct(id: string, change: Partial<VaccineProductInput>, version: number): Promise<VaccineProduct> {
    return this.updateVersioned<VaccineProductInput, VaccineProduct>(
      'vaccine_product',
      PRODUCT_COLUMNS,
      this.productSelect,
      id,
      change,
      version,
      CatalogueExceptionCode.ProductNotFound,
    );
  }

  async listLots(productId?: string): Promise<Lot[]> {
    const { rows } = await this.sql.query<LotRow>(`SELECT ${LOT_COLUMNS} FROM lot WHERE ($1::uuid IS NULL OR product_id = $1) ORDER BY expiry_date, lot_number`, [
      productId ?? null,
    ]);
    return rows.map(toLot);
  }

  async insertLot(input: LotInput): Promise<Lot> {
    try {
      const { rows } = await this.sql.query<LotRow>(
        `INSERT INTO lot (product_id, lot_number, expiry_date, doses_received) VALUES ($1, $2, $3, $4) RETURNING ${LOT_COLUMNS}`,
        [input.productId, input.lotNumber, input.expiryDate, input.dosesReceived],
      );
      return toLot(rows[0] as LotRow);
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === UNIQUE_VIOLATION && constraint === 'uq_lot_product_number') {
        throw new CatalogueException(CatalogueExceptionCode.LotNumberTaken, [{ field: 'lotNumber', message: 'is already recorded for this product' }]);
      }
      throw error;
    }
  }

  /** A new row at version 1. */
  private async insertVersioned<T extends object, R>(table: string, columns: Columns<T>, select: string, input: T): Promise<R> {
    const values = assignments(columns, input);
    const { rows } = await this.sql.query<R & Record<string, unknown>>(
      `INSERT INTO ${table} (${values.map((value) => value.column).join(', ')}, version)
       VALUES (${values.map((_, index) => `$${index + 1}`).join(', ')}, 1) RETURNING ${select}`,
      values.map((value) => value.value),
    );
    return rows[0] as R;
  }

  /** One conditional UPDATE: concurrent changes of the same version cannot both pass, and nothing waits on a lock it holds. */
  private async updateVersioned<T extends object, R>(
    table: string,
    columns: Columns<T>,
    select: string,
    id: string,
    change: Partial<T>,
    version: number,
    notFound: CatalogueExceptionCode,
  ): Promise<R> {
    const values = assignments(columns, change);
    const { rows } = await this.sql.query<R & Record<string, unknown>>(
      `UPDATE ${table} SET ${values.map((value, index) => `${value.column} = $${index + 3}, `).join('')}updated_at = now(), version = version + 1
        WHERE id = $1 AND version = $2 RETURNING ${select}`,
      [id, version, ...values.map((value) => value.value)],
    );
    if (rows[0]) return rows[0];
    const exists = await this.sql.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
    throw new CatalogueException(exists.rows.length > 0 ? CatalogueExceptionCode.VersionConflict : notFound);
  }
}

function toLot(row: LotRow): Lot {
  return {
    id: row.id,
    productId: row.product_id,
    lotNumber: row.lot_number,
    expiryDate: row.expiry_date,
    dosesReceived: row.doses_received,
    dosesAssigned: row.doses_assigned,
    dosesUsed: row.doses_used,
    dosesWasted: row.doses_wasted,
  };
}
