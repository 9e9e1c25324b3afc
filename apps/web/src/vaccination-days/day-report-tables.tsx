import type { DayReport } from '@vaccinate/api-contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../shared/time-zone-context';

/** The report's figures as captioned tables; an empty list says so instead of an empty table. */
export function DayReportTables({ report }: { report: DayReport }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const vaccinated = report.vaccinated.reduce((sum, row) => sum + row.count, 0);
  const summary: Array<[string, number]> = [
    [t('dayReport.booked'), report.booked],
    [t('dayReport.vaccinatedTotal'), vaccinated],
    [t('dayReport.noShows'), report.noShows],
    [t('dayReport.walkIns'), report.walkIns],
    [t('dayReport.cancelled'), report.cancelled],
  ];
  return (
    <div className="day-report__tables">
      <ReportTable caption={t('dayReport.summaryCaption')} columns={[t('dayReport.figure'), t('dayReport.count')]}>
        {summary.map(([label, count]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="num">{count}</td>
          </tr>
        ))}
      </ReportTable>
      <ReportTable
        caption={t('dayReport.vaccinatedCaption')}
        columns={[t('dayReport.product'), t('dayReport.doseNumber'), t('dayReport.count')]}
        empty={report.vaccinated.length === 0 ? t('dayReport.noneVaccinated') : undefined}
      >
        {report.vaccinated.map((row) => (
          <tr key={`${row.productName}:${row.doseNumber}`}>
            <th scope="row">{row.productName}</th>
            <td className="num">{row.doseNumber}</td>
            <td className="num">{row.count}</td>
          </tr>
        ))}
      </ReportTable>
      <ReportTable
        caption={t('dayReport.wasteCaption')}
        columns={[t('dayReport.lotNumber'), t('dayReport.reason'), t('dayReport.doses')]}
        empty={report.waste.length === 0 ? t('dayReport.noWaste') : undefined}
      >
        {report.waste.map((row, index) => (
          <tr key={`${row.lotNumber}:${row.reason}:${index}`}>
            <th scope="row">{row.lotNumber}</th>
            <td>{t(`lotWaste.reasons.${row.reason}`)}</td>
            <td className="num">{row.doses}</td>
          </tr>
        ))}
      </ReportTable>
      <ReportTable
        caption={t('dayReport.dosesLeftCaption')}
        columns={[t('dayReport.lotNumber'), t('dayReport.product'), t('dayReport.dosesLeft')]}
        empty={report.dosesLeft.length === 0 ? t('dayReport.noLots') : undefined}
      >
        {report.dosesLeft.map((row) => (
          <tr key={row.lotNumber}>
            <th scope="row">{row.lotNumber}</th>
            <td>{row.productName}</td>
            <td className="num">{row.dosesLeft}</td>
          </tr>
        ))}
      </ReportTable>
      <ReportTable
        caption={t('dayReport.dosesCaption')}
        columns={[t('dayReport.time'), t('dayReport.person'), t('dayReport.product'), t('dayReport.lotNumber'), t('dayReport.vaccinator')]}
        empty={report.doses.length === 0 ? t('dayReport.noneVaccinated') : undefined}
        numericLast={false}
      >
        {report.doses.map((dose) => (
          <tr key={dose.vaccinationId}>
            <td>{format.time(dose.administeredAt)}</td>
            <th scope="row">
              {dose.person.familyName}, {dose.person.givenName}
            </th>
            <td>{t('dayReport.productDose', { product: dose.productName, dose: dose.doseNumber })}</td>
            <td>{dose.lotNumber}</td>
            <td>{dose.vaccinator.name ?? dose.vaccinator.id}</td>
          </tr>
        ))}
      </ReportTable>
    </div>
  );
}

function ReportTable({
  caption,
  columns,
  empty,
  numericLast = true,
  children,
}: {
  caption: string;
  columns: string[];
  empty?: string | undefined;
  numericLast?: boolean;
  children: ReactNode;
}) {
  if (empty) {
    return (
      <div className="day-report__section">
        <h2 className="day-report__heading">{caption}</h2>
        <p>{empty}</p>
      </div>
    );
  }
  return (
    <div className="table-wrap day-report__section">
      <table className="table">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={column} scope="col" className={numericLast && index === columns.length - 1 ? 'num' : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
