import type { StaffRole } from '@vaccinate/api-contracts';
import { AUDIT_READER_ROLES, DAY_STAFF_ROLES } from '../shared/day-admin-roles';
import { paths } from '../shared/routing/routes';

/** Overview tiles of the day administration pages; title `<key>.title`, text `<key>.tile`. */
export const DAY_ADMIN_AREAS: ReadonlyArray<{ key: 'questionnaire' | 'auditLog'; path: string; roles: readonly StaffRole[] }> = [
  { key: 'questionnaire', path: paths.questionnaire, roles: DAY_STAFF_ROLES },
  { key: 'auditLog', path: paths.auditLog, roles: AUDIT_READER_ROLES },
];
