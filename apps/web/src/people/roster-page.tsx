import type { RosterImportReport } from '@vaccinate/api-contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { FormAlert } from '../shared/ui/form-alert';
import { TextField } from '../shared/ui/text-field';
import { usePageTitle } from '../tenant/tenant-context';
import { exportRoster, importRoster } from './people-api';

/** Admins import the employee roster from a CSV file: a preview first, then the import, each with its problems by row and column. */
export function RosterPage() {
  const { t } = useTranslation();
  usePageTitle(t('roster.title'));
  const api = useApiClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<RosterImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return setError(t('roster.chooseFile'));
    setBusy(true);
    setError(null);
    try {
      setReport(await importRoster(api, { csv: await file.text(), dryRun }));
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const preview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(true);
  };

  // The file needs the bearer token, so it is fetched and handed to the browser.
  const download = async () => {
    const url = URL.createObjectURL(await exportRoster(api));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = 'roster.csv';
    anchor.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="page" aria-labelledby="roster-title">
      <Link className="back-link" to={paths.people}>
        {t('people.backToList')}
      </Link>
      <div className="page__header">
        <h1 id="roster-title">{t('roster.title')}</h1>
        <button type="button" className="button button--secondary" onClick={() => void download()}>
          {t('roster.export')}
        </button>
      </div>
      <p>{t('roster.intro')}</p>
      <form className="form card" noValidate onSubmit={preview} aria-label={t('roster.importTitle')}>
        <FormAlert messages={error ? [error] : []} />
        <TextField
          label={t('roster.file')}
          hint={t('roster.fileHint')}
          name="roster-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setReport(null);
          }}
        />
        <div className="actions">
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('roster.preview')}
          </button>
          <button type="button" className="button button--primary" disabled={busy || !report?.dryRun} onClick={() => void run(false)}>
            {t('roster.import')}
          </button>
        </div>
      </form>
      {report ? <RosterReport report={report} /> : null}
    </section>
  );
}

export function RosterReport({ report }: { report: RosterImportReport }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="roster-report-title" aria-live="polite">
      <h2 id="roster-report-title">{report.dryRun ? t('roster.previewTitle') : t('roster.doneTitle')}</h2>
      <p>{report.changed ? t('roster.summary', report) : t('roster.nothingChanges', { rows: report.rows })}</p>
      {report.problems.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('roster.problems', { count: report.rejected })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('roster.row')}
                </th>
                <th scope="col">{t('roster.column')}</th>
                <th scope="col">{t('roster.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((problem, index) => (
                <tr key={index}>
                  <td className="num">{problem.row}</td>
                  <td>{problem.field}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
