import type { StaffRole } from '@vaccinate/api-contracts';
import { ADMIN_ROLES, CATALOGUE_EDITOR_ROLES, CATALOGUE_VIEWER_ROLES, PEOPLE_READER_ROLES } from '../shared/staff-roles';
import { paths } from '../shared/routing/routes';

/** The staff areas in navigation order; the header and the overview tiles list the same ones. */
export const STAFF_AREAS: ReadonlyArray<{
  key: 'people' | 'days' | 'sites' | 'vaccines' | 'lots' | 'mail' | 'waitingList' | 'spareDoses' | 'staffAccounts';
  path: string;
  roles: readonly StaffRole[];
}> = [
  { key: 'days', path: paths.days, roles: CATALOGUE_VIEWER_ROLES },
  { key: 'people', path: paths.people, roles: PEOPLE_READER_ROLES },
  { key: 'sites', path: paths.sites, roles: CATALOGUE_VIEWER_ROLES },
  { key: 'vaccines', path: paths.vaccines, roles: CATALOGUE_VIEWER_ROLES },
  { key: 'lots', path: paths.lots, roles: CATALOGUE_VIEWER_ROLES },
  { key: 'mail', path: paths.mail, roles: ADMIN_ROLES },
  { key: 'staffAccounts', path: paths.staffAccounts, roles: ADMIN_ROLES },
  { key: 'waitingList', path: paths.waitingList, roles: CATALOGUE_EDITOR_ROLES },
  { key: 'spareDoses', path: paths.spareDoses, roles: CATALOGUE_VIEWER_ROLES },
];
