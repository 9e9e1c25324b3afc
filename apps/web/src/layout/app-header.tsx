import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { hasAnyRole } from '../shared/staff-roles';
import { STAFF_AREAS } from '../staff/staff-areas';
import { Link } from '../shared/routing/router';
import { usePathname } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { useTenant } from '../tenant/tenant-context';
import { LanguageSwitch } from './language-switch';

export function AppHeader() {
  const { t } = useTranslation();
  const tenant = useTenant();
  const { state, signOut } = useAuth();
  const pathname = usePathname();
  const staff = state.status === 'signed-in' && !state.staff.mustChangePassword ? state.staff : null;
  const current = (path: string) => (pathname === path ? ('page' as const) : undefined);

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link className="brand" to={paths.landing}>
          {tenant.branding.logoUrl ? (
            // The name is written next to the logo, so the image itself is decorative.
            <img className="brand__logo" src={tenant.branding.logoUrl} alt="" />
          ) : (
            <span className="brand__mark" aria-hidden="true">
              {tenant.displayName.charAt(0)}
            </span>
          )}
          <span className="brand__name" data-testid="tenant-name">
            {tenant.displayName}
          </span>
        </Link>
        {staff ? (
          <nav className="staff-nav" aria-label={t('nav.staff')}>
            <Link to={paths.staffHome} aria-current={current(paths.staffHome)}>
              {t('nav.overview')}
            </Link>
            {STAFF_AREAS.filter((area) => hasAnyRole(staff.roles, area.roles)).map((area) => (
              <Link key={area.key} to={area.path} aria-current={pathname.startsWith(area.path) ? 'page' : undefined}>
                {t(`${area.key}.title`)}
              </Link>
            ))}
            <button type="button" className="staff-nav__sign-out" onClick={signOut}>
              {t('nav.signOut')}
            </button>
          </nav>
        ) : null}
        <LanguageSwitch />
      </div>
    </header>
  );
}
