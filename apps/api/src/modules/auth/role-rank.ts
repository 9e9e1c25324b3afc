import { STAFF_ROLES, type StaffRole } from '@vaccinate/api-contracts';

/** True when any of the held roles is at least `minimum` in the assistant < doctor < admin chain. */
export function satisfiesRole(held: readonly StaffRole[], minimum: StaffRole): boolean {
  const needed = STAFF_ROLES.indexOf(minimum);
  return held.some((role) => STAFF_ROLES.indexOf(role) >= needed);
}
