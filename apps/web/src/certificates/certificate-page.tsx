import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { TextField } from '../shared/ui/text-field';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { LoadingIndicator } from '../shared/ui/status-message';
import { rememberCertificateToken, takeCertificateToken, type CertificateFragment } from './certificate-token';
import {
  CertificateRequestError,
  exchangeCertificateReference,
  DOWNLOAD_NAMES,
  requestCertificate,
  saveFile,
  type CertificateFormat,
  type CertificateRequestBody,
} from './certificates-api';

type Field = 'familyName' | 'givenName' | 'birthDate';
const FIELDS: Field[] = ['familyName', 'givenName', 'birthDate'];

/** Opened from the certificate mail: the holder's details open the token; the PDF is made from it. */
export function CertificatePage() {
  const { t } = useTranslation();
  usePageTitle(t('certificate.title'));
  const [fragment] = useState(takeCertificateToken);
  const token = useExchangedToken(fragment);
  return (
    <section className="page page--narrow" aria-labelledby="certificate-title">
      <h1 id="certificate-title">{t('certificate.title')}</h1>
      {token.status === 'loading' ? <LoadingIndicator label={t('common.loading')} /> : null}
      {token.status === 'ready' ? <CertificateForm token={token.token} /> : null}
      {token.status === 'missing' ? <FormAlert messages={[t('certificate.noToken')]} /> : null}
      {token.status === 'failed' ? <FormAlert messages={[describeError(token.error, t)]} /> : null}
    </section>
  );
}

type TokenState = { status: 'loading' } | { status: 'ready'; token: string } | { status: 'missing' } | { status: 'failed'; error: unknown };

/** The token itself, or the one the mail's short reference stands for (asked of the API once). */
function useExchangedToken(fragment: CertificateFragment | null): TokenState {
  const api = useApiClient();
  const [state, setState] = useState<TokenState>(() =>
    fragment === null ? { status: 'missing' } : 'token' in fragment ? { status: 'ready', token: fragment.token } : { status: 'loading' },
  );
  useEffect(() => {
    if (fragment === null || 'token' in fragment) return;
    let live = true;
    exchangeCertificateReference(api, fragment.reference).then(
      ({ token }) => {
        rememberCertificateToken(token);
        if (live) setState({ status: 'ready', token });
      },
      (error: unknown) => live && setState({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [api, fragment]);
  return state;
}

function CertificateForm({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'de' ? 'de' : 'en';
  const [values, setValues] = useState<Record<Field, string>>({ familyName: '', givenName: '', birthDate: '' });
  const [missing, setMissing] = useState<Set<Field>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The details that opened the certificate, kept in memory only, for the other formats.
  const [opened, setOpened] = useState<CertificateRequestBody | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  async function download(format: CertificateFormat, body: CertificateRequestBody): Promise<boolean> {
    setBusy(true);
    setFailure(null);
    try {
      saveFile(await requestCertificate(format, body), DOWNLOAD_NAMES[format][body.locale]);
      return true;
    } catch (error) {
      setFailure(t(`certificate.${error instanceof CertificateRequestError ? error.failure : 'unavailable'}`));
      queueMicrotask(() => alertRef.current?.focus());
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const empty = new Set(FIELDS.filter((field) => !values[field].trim()));
    setMissing(empty);
    if (empty.size > 0) return;
    const body: CertificateRequestBody = {
      token,
      personalData: { familyName: values.familyName.trim(), givenName: values.givenName.trim(), birthDate: values.birthDate.trim() },
      locale,
    };
    if (await download('pdf', body)) setOpened(body);
  }

  return (
    <div className="card">
      <p>{t('certificate.intro')}</p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-label={t('certificate.title')}>
        <FormAlert ref={alertRef} messages={failure ? [failure] : []} />
        {FIELDS.map((field) => (
          <TextField
            key={field}
            name={field}
            label={t(`certificate.${field}`)}
            type={field === 'birthDate' ? 'date' : 'text'}
            autoComplete={field === 'familyName' ? 'family-name' : field === 'givenName' ? 'given-name' : 'bday'}
            value={values[field]}
            error={missing.has(field) ? t('certificate.required') : undefined}
            onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
            required
          />
        ))}
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? t('certificate.working') : t('certificate.submit')}
        </button>
      </form>
      {opened ? (
        <div role="status">
          <p>{t('certificate.downloaded')}</p>
          <h2>{t('certificate.more')}</h2>
          {/* Full-width buttons that wrap their label: "(.smart-health-card)" stays inside the card at 320 px. */}
          <div className="actions">
            <button type="button" className="button button--secondary button--block" disabled={busy} onClick={() => void download('smart-health-card', opened)}>
              {t('certificate.smartHealthCard')}
            </button>
            <button type="button" className="button button--secondary button--block" disabled={busy} onClick={() => void download('fhir', opened)}>
              {t('certificate.fhir')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
