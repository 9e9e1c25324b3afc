import type { Lot, StaffProfile } from '@vaccinate/api-contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DAY_STAFF_ROLES } from '../shared/day-admin-roles';
import { CATALOGUE_EDITOR_ROLES, hasAnyRole } from '../shared/staff-roles';
import { formatBirthDate as formatDate } from '../people/birth-date-format.util';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { listLots, listVaccines } from '../staff/catalogue-api';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { StatusMessage } from '../shared/ui/status-message';
import { LotWasteForm, dosesLeft } from './lot-waste-form';

/** Doses neither promised to a day nor used or wasted. */
export function unassignedDoses(lot: Lot): number {
  return lot.dosesReceived - lot.dosesAssigned - lot.dosesWasted;
}

export function LotsPage({ staff }: { staff: StaffProfile }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('lots.title'));
  const { resource, refresh } = useStaffQuery('lots+vaccines', async (api, signal) => {
    const [lots, products] = await Promise.all([listLots(api, signal), listVaccines(api, signal)]);
    return { lots, products };
  });
  const today = new Date().toISOString().slice(0, 10);
  const canRecordWaste = hasAnyRole(staff.roles, DAY_STAFF_ROLES);
  const [wasteLotId, setWasteLotId] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<{ lot: string; doses: number; left: number } | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  // The form goes away on close; focus goes back to the button that opened it.
  const closeWaste = (lotId: string) => {
    setWasteLotId(null);
    const buttons = tableRef.current?.querySelectorAll<HTMLButtonElement>('button[data-waste-lot]') ?? [];
    [...buttons].find((button) => button.dataset['wasteLot'] === lotId)?.focus();
  };

  return (
    <section className="page" aria-labelledby="lots-title">
      <div className="page__header">
        <h1 id="lots-title">{t('lots.title')}</h1>
        {hasAnyRole(staff.roles, CATALOGUE_EDITOR_ROLES) ? (
          <Link className="button button--primary" to={paths.lotNew}>
            {t('lots.create')}
          </Link>
        ) : null}
      </div>
      {recorded ? <StatusMessage tone="success">{t('lotWaste.recorded', { count: recorded.doses, lot: recorded.lot, left: recorded.left })}</StatusMessage> : null}
      <QueryState resource={resource} retry={refresh}>
        {({ lots, products }) =>
          lots.length === 0 ? (
            <p>{t('lots.empty')}</p>
          ) : (
            <>
              <div className="table-wrap" ref={tableRef}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('lots.lotNumber')}</th>
                      <th scope="col">{t('lots.product')}</th>
                      <th scope="col">{t('lots.expiryDate')}</th>
                      <th scope="col" className="num">
                        {t('lots.received')}
                      </th>
                      <th scope="col" className="num">
                        {t('lots.assigned')}
                      </th>
                      <th scope="col" className="num">
                        {t('lots.used')}
                      </th>
                      <th scope="col" className="num">
                        {t('lots.wasted')}
                      </th>
                      <th scope="col" className="num">
                        {t('lots.unassigned')}
                      </th>
                      <th scope="col" className="num">
                        {t('lotWaste.dosesLeftColumn')}
                      </th>
                      {canRecordWaste ? <th scope="col">{t('lotWaste.actionColumn')}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {lots.map((lot) => (
                      <tr key={lot.id}>
                        <th scope="row">{lot.lotNumber}</th>
                        <td>{products.find((product) => product.id === lot.productId)?.name ?? '—'}</td>
                        <td>
                          {formatDate(lot.expiryDate, i18n.language)}
                          {lot.expiryDate < today ? <span className="badge badge--warning"> {t('lots.expired')}</span> : null}
                        </td>
                        <td className="num">{lot.dosesReceived}</td>
                        <td className="num">{lot.dosesAssigned}</td>
                        <td className="num">{lot.dosesUsed}</td>
                        <td className="num">{lot.dosesWasted}</td>
                        <td className="num">{unassignedDoses(lot)}</td>
                        <td className="num">{dosesLeft(lot)}</td>
                        {canRecordWaste ? (
                          <td>
                            <button
                              type="button"
                              className="button button--ghost"
                              aria-label={t('lotWaste.recordFor', { lot: lot.lotNumber })}
                              aria-expanded={wasteLotId === lot.id}
                              data-waste-lot={lot.id}
                              disabled={dosesLeft(lot) < 1}
                              onClick={() => {
                                setRecorded(null);
                                setWasteLotId(lot.id);
                              }}
                            >
                              {t('lotWaste.record')}
                            </button>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {lots
                .filter((lot) => lot.id === wasteLotId)
                .map((lot) => (
                  <LotWasteForm
                    key={lot.id}
                    lot={lot}
                    onRecorded={({ doses, dosesLeft: left }) => {
                      setRecorded({ lot: lot.lotNumber, doses, left });
                      closeWaste(lot.id);
                      refresh();
                    }}
                    onOutOfStock={refresh}
                    onClose={() => closeWaste(lot.id)}
                  />
                ))}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
