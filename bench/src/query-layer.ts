import { Kysely, PostgresDialect, sql, type Generated } from 'kysely';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** The site table as Kysely sees it: the columns the two statements touch. */
interface SiteTable {
  id: Generated<string>;
  name: string;
  street: string;
  postal_code: string;
  city: string;
  opening_hours: string;
  stations: number;
  updated_at: Generated<Date>;
  version: number;
}

interface Site {
  id: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  openingHours: string;
  stations: number;
  version: number;
}

type Layer = 'pg' | 'typeorm-query-builder' | 'kysely';

/** One layer's two operations on one site: a read by id, and the versioned update the catalogue makes. */
interface Operations {
  read(id: string): Promise<Site | undefined>;
  update(id: string, stations: number, version: number): Promise<Site | undefined>;
}

export interface QueryLayerFigure {
  layer: Layer;
  operation: 'read' | 'versioned update';
  operations: number;
  opsPerSecond: number;
  latencyMs: { p50: number; p99: number };
}

const SELECT_COLUMNS = 'id, name, street, postal_code AS "postalCode", city, opening_hours AS "openingHours", stations, version';

function plainPg(pool: Pool): Operations {
  return {
    read: async (id) => (await pool.query<Site>(`SELECT ${SELECT_COLUMNS} FROM site WHERE id = $1`, [id])).rows[0],
    update: async (id, stations, version) =>
      (
        await pool.query<Site>(`UPDATE site SET stations = $3, updated_at = now(), version = version + 1 WHERE id = $1 AND version = $2 RETURNING ${SELECT_COLUMNS}`, [
          id,
          version,
          stations,
        ])
      ).rows[0],
  };
}

function typeormQueryBuilder(dataSource: DataSource): Operations {
  const columns = [
    's.id AS id',
    's.name AS name',
    's.street AS street',
    's.postal_code AS "postalCode"',
    's.city AS city',
    's.opening_hours AS "openingHours"',
    's.stations AS stations',
    's.version AS version',
  ];
  return {
    read: (id) => dataSource.createQueryBuilder().select(columns).from('site', 's').where('s.id = :id', { id }).getRawOne<Site>(),
    update: async (id, stations, version) => {
      const result = await dataSource
        .createQueryBuilder()
        .update('site')
        .set({ stations, updated_at: () => 'now()', version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version })
        .returning(SELECT_COLUMNS)
        .execute();
      return (result.raw as Site[])[0];
    },
  };
}

function kysely(db: Kysely<{ site: SiteTable }>): Operations {
  const selection = ['id', 'name', 'street', 'postal_code as postalCode', 'city', 'opening_hours as openingHours', 'stations', 'version'] as const;
  return {
    read: (id) => db.selectFrom('site').select(selection).where('id', '=', id).executeTakeFirst(),
    update: (id, stations, version) =>
      db
        .updateTable('site')
        .set({ stations, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(selection)
        .executeTakeFirst(),
  };
}

/** Runs `operation` from `clients` callers at once for `seconds`; the operations done and their latencies. */
async function timed(clients: number, seconds: number, operation: (client: number) => Promise<void>): Promise<Omit<QueryLayerFigure, 'layer' | 'operation'>> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const begun = performance.now();
        await operation(client);
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (share: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))] ?? 0) * 100) / 100;
  return { operations: latencies.length, opsPerSecond: Math.round(latencies.length / elapsed), latencyMs: { p50: at(0.5), p99: at(0.99) } };
}

/**
 * The query layer measured on one pool: TypeORM's query builder, Kysely over TypeORM's own pg pool,
 * and plain parameterised SQL, each reading one site by id and making the catalogue's versioned
 * update. Each client updates its own site, so no update waits on another's row lock. The layers
 * take turns over `rounds` rounds; the figure kept is each layer's median round.
 */
export async function queryLayer(databaseUrl: string, clients: number, seconds: number, rounds = 3): Promise<QueryLayerFigure[]> {
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, poolSize: clients });
  await dataSource.initialize();
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const db = new Kysely<{ site: SiteTable }>({ dialect: new PostgresDialect({ pool }) });
  try {
    const sites = await Promise.all(
      Array.from({ length: clients }, async (_, n) => {
        const { rows } = await pool.query<{ id: string; version: number }>(
          `INSERT INTO site (name, street, postal_code, city, opening_hours, stations, version)
           VALUES ($1, 'Benchstraße 1', '10115', 'Berlin', 'Mo–Fr', 2, 1) RETURNING id, version`,
          [`Query layer ${n}`],
        );
        return rows[0] as { id: string; version: number };
      }),
    );
    const layers: [Layer, Operations][] = [
      ['pg', plainPg(pool)],
      ['typeorm-query-builder', typeormQueryBuilder(dataSource)],
      ['kysely', kysely(db)],
    ];
    const measured = new Map<string, Omit<QueryLayerFigure, 'layer' | 'operation'>[]>();
    const keep = (key: string, figure: Omit<QueryLayerFigure, 'layer' | 'operation'>) => measured.set(key, [...(measured.get(key) ?? []), figure]);
    for (let round = 0; round < rounds; round += 1) {
      for (const [layer, operations] of layers) {
        keep(`${layer}|read`, await timed(clients, seconds, async (client) => void (await operations.read(sites[client]?.id ?? ''))));
        keep(
          `${layer}|versioned update`,
          await timed(clients, seconds, async (client) => {
            const site = sites[client] as { id: string; version: number };
            const updated = await operations.update(site.id, (site.version % 9) + 1, site.version);
            if (!updated) throw new Error(`${layer}: the versioned update matched no row`);
            site.version = updated.version;
          }),
        );
      }
    }
    await pool.query('DELETE FROM site WHERE id = ANY($1)', [sites.map((site) => site.id)]);
    return [...measured].map(([key, figures]) => {
      const [layer, operation] = key.split('|') as [Layer, QueryLayerFigure['operation']];
      const median = [...figures].sort((a, b) => a.opsPerSecond - b.opsPerSecond)[Math.floor(figures.length / 2)] as (typeof figures)[number];
      return { layer, operation, ...median };
    });
  } finally {
    await dataSource.destroy();
  }
}
