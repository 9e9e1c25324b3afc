/** What the allocator orders registrations by. */
export interface AllocationCandidate {
  id: string;
  rank: number;
  /** ISO 8601 timestamp with an offset, e.g. 2026-03-01T08:15:00.123Z. */
  registeredAt: string;
}

/**
 * The order an allocator consumes registrations in: rank, then arrival, then id. Every pair of
 * distinct ids compares unequal, so sorting gives the same result whatever the input order.
 * Arrival compares instants, not strings, so `+01:00` and `Z` spellings of times interleave
 * correctly (to the millisecond, the precision of a Date); ids compare by code unit, never by locale.
 */
export function compareForAllocation(a: AllocationCandidate, b: AllocationCandidate): number {
  // Both parsed before anything is decided, so a broken timestamp fails every comparison, not only ties.
  const arrivalA = instantOf(a);
  const arrivalB = instantOf(b);
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  if (arrivalA !== arrivalB) return arrivalA < arrivalB ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

function instantOf(candidate: AllocationCandidate): number {
  const instant = Date.parse(candidate.registeredAt);
  // A NaN would compare unequal-but-unordered and break the sort silently.
  if (Number.isNaN(instant)) {
    throw new RangeError(`registration ${candidate.id} has no valid registeredAt: ${JSON.stringify(candidate.registeredAt)}`);
  }
  return instant;
}
