import type { StaffProfile } from '@vaccinate/api-contracts';
import { useTranslation } from 'react-i18next';
import { CATALOGUE_EDITOR_ROLES, hasAnyRole } from '../shared/staff-roles';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { listSites } from '../staff/catalogue-api';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';

export function SitesPage({ staff }: { staff: StaffProfile }) {
  const { t } = useTranslation();
  usePageTitle(t('sites.title'));
  const { resource, refresh } = useStaffQuery('sites', listSites);
  const canEdit = hasAnyRole(staff.roles, CATALOGUE_EDITOR_ROLES);

  return (
    <section className="page" aria-labelledby="sites-title">
      <div className="page__header">
        <h1 id="sites-title">{t('sites.title')}</h1>
        {canEdit ? (
          <Link className="button button--primary" to={paths.siteNew}>
            {t('sites.create')}
          </Link>
        ) : null}
      </div>
      <QueryState resource={resource} retry={refresh}>
        {(sites) =>
          sites.length === 0 ? (
            <p>{t('sites.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('sites.name')}</th>
                    <th scope="col">{t('sites.address')}</th>
                    <th scope="col">{t('sites.openingHours')}</th>
                    <th scope="col" className="num">
                      {t('sites.stations')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sites.map((site) => (
                    <tr key={site.id}>
                      <th scope="row">
                        <Link to={paths.site(site.id)}>{site.name}</Link>
                      </th>
                      <td>
                        {site.street}, {site.postalCode} {site.city}
                      </td>
                      <td>{site.openingHours || '—'}</td>
                      <td className="num">{site.stations}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
