import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { downloadReport, fetchReports, REPORT_NAMES } from './waiting-list-api';

/** Demand: who is waiting in which group, where and since when; how many came; how standby doses went. */
export function WaitingListReportsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('waitingList.reports.title'));
  const api = useApiClient();
  const locale = i18n.language === 'de' ? 'de' : 'en';
  const query = useStaffQuery(`waiting-list-reports-${locale}`, (client, signal) => fetchReports(client, locale, signal));

  // The CSV needs the bearer token, so it is fetched and handed to the browser as a file.
  const download = async (report: (typeof REPORT_NAMES)[number]) => {
    const url = URL.createObjectURL(await downloadReport(api, report, locale));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = `${report}.csv`;
    anchor.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="page" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('waitingList.reports.title')}</h1>
      <p className="actions">
        {REPORT_NAMES.map((report) => (
          <button key={report} type="button" className="button button--secondary" onClick={() => void download(report)}>
            {t('waitingList.reports.csv', { report: t(`waitingList.reports.names.${report}`) })}
          </button>
        ))}
      </p>
      <QueryState resource={query.resource} retry={query.refresh}>
        {(reports) => (
          <>
            <h2>{t('waitingList.reports.names.willing-vs-vaccinated')}</h2>
            <p data-testid="willing">{t('waitingList.reports.willingLine', reports.willingVsVaccinated)}</p>
            <CountTable title={t('waitingList.reports.names.by-group')} rows={reports.byGroup.map((row) => [row.group ?? t('waitingList.staff.noGroup'), row.total])} />
            <CountTable
              title={t('waitingList.reports.names.by-site')}
              rows={reports.bySite.map((row) => [row.siteName ?? t('waitingList.reports.anySite'), row.registrations])}
            />
            <CountTable title={t('waitingList.reports.names.by-week')} rows={reports.byWeek.map((row) => [row.week, row.registrations])} />
            <CountTable
              title={t('waitingList.reports.names.standby')}
              rows={reports.standby.map((row) => [`${row.siteName}, ${row.productName}: ${t('waitingList.reports.standbyLine', row)}`, row.doses])}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}

function CountTable({ title, rows }: { title: string; rows: [string, number][] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="table__caption">{title}</caption>
        <tbody>
          {rows.map(([label, count]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
