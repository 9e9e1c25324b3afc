import type { StaffProfile, StaffRole } from '@vaccinate/api-contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { FormAlert } from '../shared/ui/form-alert';
import { LoadingIndicator } from '../shared/ui/status-message';
import { useAuth } from './auth-context';
import { ChangePasswordPage } from './change-password-page';
import { hasAnyRole } from '../shared/staff-roles';

interface RequireStaffProps {
  /** Roles of which the staff member needs at least one; any signed-in staff member when omitted. */
  roles?: readonly StaffRole[];
  children: (staff: StaffProfile) => ReactNode;
}

/** Staff pages render only for a signed-in staff member whose password is no longer the initial one. */
export function RequireStaff({ roles, children }: RequireStaffProps) {
  const { t } = useTranslation();
  const { state } = useAuth();
  switch (state.status) {
    case 'restoring':
      return <LoadingIndicator label={t('common.loading')} />;
    case 'unverified':
      return (
        <FormAlert
          messages={[t('errors.network')]}
          action={
            <button type="button" className="button button--secondary" onClick={state.retry}>
              {t('common.retry')}
            </button>
          }
        />
      );
    case 'signed-out':
      return <Navigate to={paths.signIn} replace />;
    case 'signed-in':
      if (state.staff.mustChangePassword) return <ChangePasswordPage forced />;
      if (roles && !hasAnyRole(state.staff.roles, roles)) {
        return (
          <section className="page">
            <h1>{t('errors.forbiddenTitle')}</h1>
            <p>{t('errors.forbidden')}</p>
          </section>
        );
      }
      return <>{children(state.staff)}</>;
  }
}
