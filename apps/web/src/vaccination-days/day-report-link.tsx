import type { StaffProfile } from '@vaccinate/api-contracts';
import { useTranslation } from 'react-i18next';
import { MEDICAL_DECISION_ROLES } from '../shared/day-admin-roles';
import { hasAnyRole } from '../shared/staff-roles';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';

/** The day report is a doctor's document; others see no link to it. */
export function DayReportLink({ dayId, staff }: { dayId: string; staff: StaffProfile }) {
  const { t } = useTranslation();
  if (!hasAnyRole(staff.roles, MEDICAL_DECISION_ROLES)) return null;
  return (
    <Link className="button button--secondary day-report-link" to={paths.dayReport(dayId)}>
      {t('dayReport.link')}
    </Link>
  );
}
