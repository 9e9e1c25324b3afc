import type { PriorityAssignment } from './priority-rules';

/** Staff release groups up to a rank, for every site or only for the listed ones. */
export interface PriorityRelease {
  upToRank: number;
  /** Absent: every site. Present (even empty): only these sites. */
  siteIds?: string[];
}

/**
 * Whether a registration in `assignment` may be allocated at `siteId`. A registration without a
 * group is never released; a per-site release needs the site to be named.
 */
export function isReleased(assignment: Pick<PriorityAssignment, 'rank'> | null, release: PriorityRelease, siteId?: string): boolean {
  if (assignment === null || assignment.rank > release.upToRank) return false;
  if (release.siteIds === undefined) return true;
  return siteId !== undefined && release.siteIds.includes(siteId);
}
