/** Postgres channel on which every capacity change is announced, committed with the change. */
export const AVAILABILITY_CHANNEL = 'availability_changed';
