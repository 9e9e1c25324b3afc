import type { BoardEntry } from '@vaccinate/api-contracts';

/** What the board shows: observation ends by the clock, so "vaccinated, ready to leave" is derived. */
export function displayState(entry: BoardEntry, now: number): BoardEntry['state'] | 'vaccinated' {
  if (entry.state === 'observation' && entry.observationUntil && new Date(entry.observationUntil).getTime() <= now) return 'vaccinated';
  return entry.state;
}

/** Minutes of observation left, rounded up; 0 once over. */
export function observationMinutesLeft(observationUntil: string, now: number): number {
  return Math.max(0, Math.ceil((new Date(observationUntil).getTime() - now) / 60_000));
}
