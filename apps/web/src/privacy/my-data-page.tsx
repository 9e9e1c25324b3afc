import type { PersonExport } from '@vaccinate/api-contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaptcha } from '../captcha/use-captcha';
import { saveFile } from '../certificates/certificates-api';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { FormAlert } from '../shared/ui/form-alert';
import { StatusMessage } from '../shared/ui/status-message';
import { TextField } from '../shared/ui/text-field';
import { usePageTitle } from '../tenant/tenant-context';
import { openDataAccessLink, requestDataAccess, tokenFromFragment } from './my-data-api';

const SECTIONS = ['profile', 'revisions', 'bookings', 'registrations', 'standby', 'visits', 'vaccinations', 'certificates', 'mails', 'accessLog'] as const;

/** A person's own data: ask for a link with e-mail and birth date, or open the mailed link (once). */
export function MyDataPage() {
  const { t } = useTranslation();
  usePageTitle(t('myData.title'));
  const [token] = useState(() => tokenFromFragment(window.location.hash));
  return (
    <section className="page" aria-labelledby="my-data-title">
      <h1 id="my-data-title">{t('myData.title')}</h1>
      {token ? <OpenLink token={token} /> : <RequestLink />}
    </section>
  );
}

function RequestLink() {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const captcha = useCaptcha(true);
  const [email, setEmail] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const locale = i18n.language === 'en' ? 'en' : 'de';
      await requestDataAccess(api, { email: email.trim(), birthDate, locale, captcha: await captcha.solution() });
      setSent(true);
    } catch (cause) {
      setError(describeError(cause, t));
      captcha.renew();
    }
  };

  if (sent) return <StatusMessage tone="success">{t('myData.sent')}</StatusMessage>;
  return (
    <form className="form card" noValidate onSubmit={(event) => void submit(event)}>
      <p>{t('myData.intro')}</p>
      <FormAlert messages={error ? [error] : []} />
      <div className="form__grid">
        <TextField name="email" type="email" label={t('person.email')} value={email} onChange={(event) => setEmail(event.target.value)} />
        <TextField name="birthDate" type="date" label={t('person.birthDate')} value={birthDate} onChange={(event) => setBirthDate(event.target.value)} />
      </div>
      <button type="submit" className="button button--primary">
        {t('myData.request')}
      </button>
    </form>
  );
}

function OpenLink({ token }: { token: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [data, setData] = useState<PersonExport | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Opened by a click, not on load: a mail scanner following the link must not spend it.
  const open = async () => {
    setError(null);
    try {
      setData(await openDataAccessLink(api, token));
    } catch (cause) {
      setError(describeError(cause, t));
    }
  };

  if (!data) {
    return (
      <div className="card">
        <p>{t('myData.openIntro')}</p>
        <FormAlert messages={error ? [error] : []} />
        <button type="button" className="button button--primary" onClick={() => void open()}>
          {t('myData.open')}
        </button>
      </div>
    );
  }
  return (
    <>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => saveFile(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), 'personal-data.json')}
        >
          {t('myData.download')}
        </button>
      </div>
      {SECTIONS.map((section) => (
        <DataSection key={section} title={t(`myData.sections.${section}`)} rows={toRows(data[section])} empty={t('myData.empty')} />
      ))}
    </>
  );
}

function toRows(value: unknown): Record<string, unknown>[] {
  return (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function DataSection({ title, rows, empty }: { title: string; rows: Record<string, unknown>[]; empty: string }) {
  const columns = Object.keys(rows[0] ?? {});
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index}>
                  {columns.map((column) => (
                    <td key={column}>{show(row[column])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
