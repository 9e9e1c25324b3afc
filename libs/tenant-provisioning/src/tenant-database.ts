import { tenantDatabaseName, tenantRoleName } from './tenant-naming';

/** The one thing provisioning needs from a Postgres client (pg.Client or pg.Pool). */
export interface AdminQueryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Creates (or brings up to date) a tenant's login role and database on the shared instance:
 * the database is owned by the role, and CONNECT is revoked from PUBLIC so that no other
 * tenant's role can open it. Safe to run again: it converges instead of failing.
 */
export async function provisionTenantDatabase(admin: AdminQueryable, slug: string, rolePassword: string): Promise<{ database: string; role: string }> {
  const database = tenantDatabaseName(slug);
  const role = tenantRoleName(slug);
  const roleExists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  // DDL takes no bind parameters; the names are validated slugs and the password is quoted.
  const roleOptions = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${quoteLiteral(rolePassword)}`;
  await admin.query(`${roleExists.rows.length ? 'ALTER' : 'CREATE'} ROLE ${quoteIdentifier(role)} ${roleOptions}`);
  const databaseExists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (databaseExists.rows.length === 0) {
    await admin.query(`CREATE DATABASE ${quoteIdentifier(database)} OWNER ${quoteIdentifier(role)} ENCODING 'UTF8' TEMPLATE template0`);
  }
  await admin.query(`REVOKE ALL ON DATABASE ${quoteIdentifier(database)} FROM PUBLIC`);
  await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdentifier(database)} TO ${quoteIdentifier(role)}`);
  return { database, role };
}

/** A connection URL for a database on the same server as `adminUrl`, as the given role. */
export function databaseUrlFor(adminUrl: string, database: string, role: string, password: string): string {
  const url = new URL(adminUrl);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  url.pathname = `/${database}`;
  return url.toString();
}
