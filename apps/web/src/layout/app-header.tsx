import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { hasAnyRole, PEOPLE_READER_ROLES } from '../auth/staff-roles';
import { Link } from '../routing/link';
import { usePathname } from '../routing/router';
import { paths } from '../routing/routes';
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
              {hasAnyRole(staff.roles, PEOPLE_READER_ROLES) ? (
                <Link to={paths.people} aria-current={pathname.startsWith(paths.people) ? 'page' : undefined}>
                  {t('people.title')}
                </Link>
              ) : null}
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
