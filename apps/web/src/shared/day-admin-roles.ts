import type { StaffRole } from '@vaccinate/api-contracts';

/** Everyone on staff: reading the questionnaire, recording wasted doses. The API checks again. */
export const DAY_STAFF_ROLES: readonly StaffRole[] = ['admin', 'doctor', 'assistant'];

/** A doctor's decisions: the questionnaire's questions, corrections of records, the day report. */
export const MEDICAL_DECISION_ROLES: readonly StaffRole[] = ['admin', 'doctor'];

/** Who did what to which record: operating the center, so administrators only. */
export const AUDIT_READER_ROLES: readonly StaffRole[] = ['admin'];
