import type { SqlClient } from '../../database/sql';

/** Postgres channel on which every capacity change is announced, committed with the change. */
export const AVAILABILITY_CHANNEL = 'availability_changed';

/** The channel's two statements, on whichever connection listens or announces. */
export const availabilityChannel = {
  async listen(client: SqlClient): Promise<void> {
    await client.query(`LISTEN ${AVAILABILITY_CHANNEL}`);
  },
  /** One notification carrying the payloads, a line each; Postgres limits it to 8000 bytes. */
  async announce(client: SqlClient, payloads: string[]): Promise<void> {
    await client.query('SELECT pg_notify($1, $2)', [AVAILABILITY_CHANNEL, payloads.join('\n')]);
  },
};
