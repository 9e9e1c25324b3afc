/** pg-boss keeps its tables in their own schema of the tenant database (created by our migrations): no broker to run. */
export const JOB_SCHEMA = 'pgboss';

/**
 * Every queue the API uses. The migrations create them (JobQueues1796192916732), so the API role
 * needs no DDL at runtime; a new queue needs a migration too.
 */
export const JobQueue = {
  mail: 'mail-delivery',
  mailDeadLetters: 'mail-delivery-dead',
  allocation: 'waiting-list-allocation',
  allocationDeadLetters: 'waiting-list-allocation-dead',
  allocationTick: 'waiting-list-allocation-tick',
  standbyWaves: 'standby-waves',
  reminders: 'appointment-reminders',
  noShows: 'day-closing-no-shows',
  retention: 'data-retention',
} as const;
