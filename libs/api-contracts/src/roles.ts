/** Staff roles, from least to most privileged in the medical chain. */
export const STAFF_ROLES = ['assistant', 'doctor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}
