import type { Vaccination } from '@vaccinate/api-contracts';

/** One dose as it stands now, with the records it replaced, newest first. */
export interface DoseVersions {
  current: Vaccination;
  earlier: Vaccination[];
}

/**
 * Groups every version of every dose by following `supersedesId` back from each valid record.
 * A superseded record no valid one leads to (not expected) is shown as a dose of its own, so
 * nothing in the history is ever hidden. Newest dose first.
 */
export function groupDoseVersions(vaccinations: readonly Vaccination[]): DoseVersions[] {
  const byId = new Map(vaccinations.map((vaccination) => [vaccination.id, vaccination]));
  const placed = new Set<string>();
  const groups: DoseVersions[] = [];
  const chainFrom = (start: Vaccination) => {
    const earlier: Vaccination[] = [];
    placed.add(start.id);
    let previous = start.supersedesId ? byId.get(start.supersedesId) : undefined;
    while (previous && !placed.has(previous.id)) {
      earlier.push(previous);
      placed.add(previous.id);
      previous = previous.supersedesId ? byId.get(previous.supersedesId) : undefined;
    }
    groups.push({ current: start, earlier });
  };
  for (const vaccination of vaccinations) if (vaccination.status === 'valid') chainFrom(vaccination);
  for (const vaccination of vaccinations) if (!placed.has(vaccination.id)) chainFrom(vaccination);
  return groups.sort((a, b) => b.current.administeredAt.localeCompare(a.current.administeredAt));
}
