import type { StaffRole } from '@vaccinate/api-contracts';

/** Who may open the people list; the API checks again, this only hides what would be refused. */
export const PEOPLE_READER_ROLES: readonly StaffRole[] = ['admin', 'doctor', 'assistant'];

export function hasAnyRole(roles: readonly StaffRole[], allowed: readonly StaffRole[]): boolean {
  return roles.some((role) => allowed.includes(role));
}

/** Sites, vaccines, lots and vaccination days: everyone on staff may look, doctors and admins change. */
export const CATALOGUE_VIEWER_ROLES: readonly StaffRole[] = ['admin', 'doctor', 'assistant'];
export const CATALOGUE_EDITOR_ROLES: readonly StaffRole[] = ['admin', 'doctor'];

/** The outgoing mail and its failures: operating the center, not caring for people. */
export const ADMIN_ROLES: readonly StaffRole[] = ['admin'];
