import type { StaffProfile, VaccineProduct } from '@vaccinate/api-contracts';
import { useTranslation } from 'react-i18next';
import { CATALOGUE_EDITOR_ROLES, hasAnyRole } from '../shared/staff-roles';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { listVaccines } from '../staff/catalogue-api';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';

export function ageRange(product: Pick<VaccineProduct, 'minAgeYears' | 'maxAgeYears'>): string {
  return product.maxAgeYears === null ? `${product.minAgeYears}+` : `${product.minAgeYears}–${product.maxAgeYears}`;
}

export function VaccinesPage({ staff }: { staff: StaffProfile }) {
  const { t } = useTranslation();
  usePageTitle(t('vaccines.title'));
  const { resource, refresh } = useStaffQuery('vaccines', listVaccines);

  return (
    <section className="page" aria-labelledby="vaccines-title">
      <div className="page__header">
        <h1 id="vaccines-title">{t('vaccines.title')}</h1>
        {hasAnyRole(staff.roles, CATALOGUE_EDITOR_ROLES) ? (
          <Link className="button button--primary" to={paths.vaccineNew}>
            {t('vaccines.create')}
          </Link>
        ) : null}
      </div>
      <QueryState resource={resource} retry={refresh}>
        {(products) =>
          products.length === 0 ? (
            <p>{t('vaccines.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('vaccines.name')}</th>
                    <th scope="col">{t('vaccines.manufacturer')}</th>
                    <th scope="col">{t('vaccines.euProductCode')}</th>
                    <th scope="col">{t('vaccines.schedule')}</th>
                    <th scope="col">{t('vaccines.ages')}</th>
                    <th scope="col">{t('vaccines.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {products.map((product) => (
                    <tr key={product.id}>
                      <th scope="row">
                        <Link to={paths.vaccine(product.id)}>{product.name}</Link>
                      </th>
                      <td>{product.manufacturer}</td>
                      <td>{product.euProductCode}</td>
                      <td>
                        {t('vaccines.doses', { count: product.primaryDoses })}
                        {product.followUpIntervals.map((interval) => (
                          <span key={interval.dose} className="table__sub">
                            {t('vaccines.intervalSummary', { ...interval })}
                          </span>
                        ))}
                      </td>
                      <td>{ageRange(product)}</td>
                      <td>{product.active ? t('vaccines.activeShort') : t('vaccines.inactiveShort')}</td>
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
