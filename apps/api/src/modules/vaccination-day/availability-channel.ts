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

/** Postgres channel on which a change to a day's board (a check-in, a dose, a check-out) is announced; the payload is the day id. */
export const BOARD_CHANNEL = 'day_board_changed';

export const boardChannel = {
  async listen(client: SqlClient): Promise<void> {
    await client.query(`LISTEN ${BOARD_CHANNEL}`);
  },
  /** Day ids, a line each (36 bytes per id: far below the 8000-byte limit in one batch of 100). */
  async announce(client: SqlClient, dayIds: string[]): Promise<void> {
    await client.query('SELECT pg_notify($1, $2)', [BOARD_CHANNEL, dayIds.join('\n')]);
  },
};
