import type { StaffProfile } from '@vaccinate/api-contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../shared/routing/router';
import { useHistoryState } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { usePageTitle } from '../tenant/tenant-context';
import { StatusMessage } from '../shared/ui/status-message';
import { useAuth } from './auth-context';
import { STAFF_AREAS } from '../staff/staff-areas';
import { DAY_ADMIN_AREAS } from '../staff/day-admin-areas';
import { hasAnyRole } from '../shared/staff-roles';

export function StaffHomePage({ staff }: { staff: StaffProfile }) {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const historyState = useHistoryState();
  usePageTitle(t('staffHome.title'));
  const areas = [
    ...STAFF_AREAS.map((area) => ({ ...area, tile: `staffHome.${area.key}Tile` })),
    ...DAY_ADMIN_AREAS.map((area) => ({ ...area, tile: `${area.key}.tile` })),
  ].filter((area) => hasAnyRole(staff.roles, area.roles));

  return (
    <section className="page" aria-labelledby="staff-home-title">
      <h1 id="staff-home-title">{t('staffHome.title')}</h1>
      {historyState?.['notice'] === 'password-changed' ? <StatusMessage tone="success">{t('changePassword.done')}</StatusMessage> : null}
      <div className="card profile">
        <div>
          <p className="profile__name">{t('staffHome.signedInAs', { name: staff.displayName })}</p>
          <p className="profile__email">{staff.email}</p>
        </div>
        <div className="profile__roles">
          <span className="profile__roles-label">{t('staffHome.roles')}</span>
          <ul className="badge-list">
            {staff.roles.map((role) => (
              <li key={role} className="badge">
                {t(`roles.${role}`)}
              </li>
            ))}
          </ul>
        </div>
        <div className="actions">
          <Link className="button button--secondary" to={paths.changePassword}>
            {t('changePassword.title')}
          </Link>
          <Link className="button button--secondary" to={paths.sessions}>
            {t('sessions.link')}
          </Link>
          <button type="button" className="button button--ghost" onClick={signOut}>
            {t('nav.signOut')}
          </button>
        </div>
      </div>
      {areas.length > 0 ? (
        <nav className="tiles" aria-label={t('staffHome.tasks')}>
          {areas.map((area) => (
            <Link key={area.key} className="tile" to={area.path}>
              <span className="tile__title">{t(`${area.key}.title`)}</span>
              <span className="tile__text">{t(area.tile)}</span>
            </Link>
          ))}
        </nav>
      ) : null}
    </section>
  );
}
