import type { StaffProfile } from '@vaccinate/api-contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOGUE_EDITOR_ROLES, hasAnyRole } from '../shared/staff-roles';
import { formatDay } from '../shared/date-format.util';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { listDays, listSites } from '../staff/catalogue-api';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { DayCalendar } from './day-calendar';

type DaysView = 'list' | 'month' | 'week';
const VIEWS: DaysView[] = ['list', 'month', 'week'];

export function DaysPage({ staff }: { staff: StaffProfile }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('days.title'));
  const [view, setView] = useState<DaysView>('list');
  const { resource, refresh } = useStaffQuery('days+sites', async (api, signal) => {
    const [days, sites] = await Promise.all([listDays(api, signal), listSites(api, signal)]);
    return { days: [...days].sort((a, b) => a.date.localeCompare(b.date) || a.opensAt.localeCompare(b.opensAt)), sites };
  });

  return (
    <section className="page" aria-labelledby="days-title">
      <div className="page__header">
        <h1 id="days-title">{t('days.title')}</h1>
        {hasAnyRole(staff.roles, CATALOGUE_EDITOR_ROLES) ? (
          <Link className="button button--primary" to={paths.dayNew}>
            {t('days.create')}
          </Link>
        ) : null}
      </div>
      <div className="actions" role="group" aria-label={t('days.calendar.views')}>
        {VIEWS.map((name) => (
          <button
            key={name}
            type="button"
            className={name === view ? 'button button--primary' : 'button button--secondary'}
            aria-pressed={name === view}
            onClick={() => setView(name)}
          >
            {t(`days.calendar.${name}`)}
          </button>
        ))}
      </div>
      <QueryState resource={resource} retry={refresh}>
        {({ days, sites }) =>
          view !== 'list' ? (
            <DayCalendar days={days} sites={sites} view={view} today={new Date().toISOString().slice(0, 10)} />
          ) : days.length === 0 ? (
            <p>{t('days.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('days.date')}</th>
                    <th scope="col">{t('days.site')}</th>
                    <th scope="col">{t('days.hours')}</th>
                    <th scope="col" className="num">
                      {t('days.dosesBooked')}
                    </th>
                    <th scope="col">{t('days.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {days.map((day) => (
                    <tr key={day.id} className={day.status === 'cancelled' ? 'table__row--muted' : undefined}>
                      <th scope="row">
                        <Link to={paths.day(day.id)}>{formatDay(day.date, i18n.language)}</Link>
                      </th>
                      <td>{sites.find((site) => site.id === day.siteId)?.name ?? '—'}</td>
                      <td>
                        {day.opensAt}–{day.closesAt}
                      </td>
                      <td className="num">
                        {day.dosesBooked} / {day.dosesCap}
                      </td>
                      <td>{t(`days.statuses.${day.status}`)}</td>
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
