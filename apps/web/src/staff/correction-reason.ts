import type { TFunction } from 'i18next';

/** What the API accepts as the reason of a correction (1–500 characters). */
export const MAX_REASON_LENGTH = 500;

export function validateReason(reason: string, t: TFunction): string | undefined {
  if (!reason.trim()) return t('validation.required');
  if (reason.trim().length > MAX_REASON_LENGTH) return t('dayAdmin.reasonTooLong', { max: MAX_REASON_LENGTH });
  return undefined;
}
