import type { DayReport } from '@vaccinate/api-contracts';
import { useTranslation } from 'react-i18next';
import { loadTenantTimeZone } from '../booking/tenant-settings';
import { formatDay } from '../shared/date-format.util';
import { TimeZoneProvider } from '../shared/time-zone-context';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { DownloadButton } from '../staff/download-button';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { downloadDayReportCsv, fetchDayReport } from './day-report-api';
import { DayReportTables } from './day-report-tables';

/** The figures of one vaccination day and the doses given, laid out to print as a day sheet. */
export function DayReportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  usePageTitle(t('dayReport.title'));
  const query = useStaffQuery(`day-report:${id}`, async (api, signal) => {
    const [report, timeZone] = await Promise.all([fetchDayReport(api, id, signal), loadTenantTimeZone(api)]);
    return { report, timeZone };
  });

  return (
    <section className="page day-report" aria-labelledby="day-report-title">
      <Link className="back-link" to={paths.day(id)}>
        {t('dayReport.backToDay')}
      </Link>
      <QueryState resource={query.resource} retry={query.refresh} notFound={t('dayReport.notFound')}>
        {({ report, timeZone }) => (
          <TimeZoneProvider timeZone={timeZone}>
            <DayReportView report={report} />
          </TimeZoneProvider>
        )}
      </QueryState>
    </section>
  );
}

function DayReportView({ report }: { report: DayReport }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <div className="page__header">
        <div>
          <h1 id="day-report-title">{t('dayReport.title')}</h1>
          <p className="day-report__subtitle">
            {formatDay(report.date, i18n.language)} · {report.siteName}
          </p>
        </div>
        <div className="actions no-print">
          <DownloadButton label={t('dayReport.downloadCsv')} fileName={`day-report-${report.date}.csv`} load={(api) => downloadDayReportCsv(api, report.dayId)} />
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t('dayAdmin.print')}
          </button>
        </div>
      </div>
      <DayReportTables report={report} />
    </>
  );
}
