import { parseTenantDirectory } from '@vaccinate/tenant-directory';
import { useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../tenant/tenant-context';
import { TENANT_DIRECTORY_PATH } from '../tenant/tenant-resolver';
import { FormAlert } from '../shared/ui/form-alert';
import { LoadingIndicator } from '../shared/ui/status-message';
import { UnreadableCodeError, type CertificateVerification } from './verify/certificate-verification';
import { fetchingIssuerDirectory, issuerTenants, type IssuerDirectory } from './verify/issuer-directory';
import { QrScanner, cameraAvailable } from '../shared/ui/qr-scanner';
import { verifyCertificateCode } from './verify/verify-certificate-code';

type Outcome = { status: 'idle' } | { status: 'checking' } | { status: 'done'; result: CertificateVerification } | { status: 'failed'; message: string };

/** Public: anyone can check a certificate's signature, content and revocation. */
export function VerifyPage() {
  const { t } = useTranslation();
  usePageTitle(t('verify.title'));
  const codeId = useId();
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  const issuers = useMemo(() => loadIssuers(), []);

  const check = useCallback(
    async (text: string) => {
      setOutcome({ status: 'checking' });
      try {
        setOutcome({ status: 'done', result: await verifyCertificateCode(text, await issuers) });
      } catch (error) {
        setOutcome({ status: 'failed', message: error instanceof UnreadableCodeError ? t('verify.unreadable') : t('errors.network') });
      }
    },
    [issuers, t],
  );
  const onScanned = useCallback(
    (text: string) => {
      setScanning(false);
      setCode(text);
      void check(text);
    },
    [check],
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (code.trim()) void check(code);
  }

  return (
    <section className="page page--narrow" aria-labelledby="verify-title">
      <h1 id="verify-title">{t('verify.title')}</h1>
      <div className="card">
        <p>{t('verify.intro')}</p>
        <form className="form" noValidate onSubmit={submit} aria-label={t('verify.title')}>
          <div className="field">
            <label className="field__label" htmlFor={codeId}>
              {t('verify.code')}
            </label>
            <p className="field__hint" id={`${codeId}-hint`}>
              {t('verify.codeHint')}
            </p>
            <textarea
              id={codeId}
              name="code"
              className="field__input"
              rows={5}
              spellCheck={false}
              aria-describedby={`${codeId}-hint`}
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          </div>
          <p>
            <button type="submit" className="button button--primary">
              {t('verify.submit')}
            </button>{' '}
            {cameraAvailable() ? (
              <button type="button" className="button button--secondary" onClick={() => setScanning((on) => !on)}>
                {scanning ? t('verify.stopScan') : t('verify.scan')}
              </button>
            ) : null}
          </p>
          {cameraAvailable() ? null : <p className="field__hint">{t('verify.scanUnsupported')}</p>}
          {scanning ? <QrScanner label={t('verify.scan')} unavailable={t('verify.scanUnsupported')} onCode={onScanned} /> : null}
        </form>
      </div>
      {outcome.status === 'checking' ? <LoadingIndicator label={t('verify.checking')} /> : null}
      {outcome.status === 'failed' ? <FormAlert messages={[outcome.message]} /> : null}
      {outcome.status === 'done' ? <VerificationResult result={outcome.result} /> : null}
    </section>
  );
}

function VerificationResult({ result }: { result: CertificateVerification }) {
  const { t } = useTranslation();
  const trusted = result.signature === 'valid' && result.revocation !== 'revoked' && !result.expired;
  const signature =
    result.signature === 'valid'
      ? t('verify.valid', { tenant: result.tenant?.displayName ?? '' })
      : result.signature === 'invalid'
        ? t('verify.invalid')
        : t('verify.unknownIssuer');
  const revocation = result.revocation === 'revoked' ? t('verify.revoked') : result.revocation === 'not-revoked' ? t('verify.notRevoked') : t('verify.revocationUnknown');
  return (
    <div className={`card alert ${trusted ? 'alert--success' : 'alert--error'}`} role="status" aria-live="polite" data-testid="verification-result">
      <h2>{t(`verify.format.${result.format}`)}</h2>
      <p data-testid="verification-signature">
        <strong>{signature}</strong>
      </p>
      {result.signature === 'valid' ? <p data-testid="verification-revocation">{revocation}</p> : null}
      {result.expired ? <p>{t('verify.expired')}</p> : null}
      <dl>
        <dt>{t('verify.name')}</dt>
        <dd>{[result.holder.givenName, result.holder.familyName].filter(Boolean).join(' ')}</dd>
        <dt>{t('verify.birthDate')}</dt>
        <dd>{result.holder.birthDate}</dd>
        <dt>{t('verify.doses')}</dt>
        <dd>
          <ul>
            {result.doses.map((dose, index) => (
              <li key={index}>
                {dose.doseNumber !== undefined
                  ? t('verify.dose', { product: dose.product, doseNumber: dose.doseNumber, seriesDoses: dose.seriesDoses, date: dose.date })
                  : t('verify.doseWithoutNumber', { product: dose.product, date: dose.date })}
              </li>
            ))}
          </ul>
        </dd>
        {result.certificateId ? (
          <>
            <dt>{t('verify.certificateId')}</dt>
            <dd style={{ overflowWrap: 'anywhere' }}>{result.certificateId}</dd>
          </>
        ) : null}
        {result.expiresAt ? (
          <>
            <dt>{t('verify.validUntil')}</dt>
            <dd>{result.expiresAt.slice(0, 10)}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

async function loadIssuers(): Promise<IssuerDirectory> {
  const response = await fetch(TENANT_DIRECTORY_PATH, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error('tenant directory unavailable');
  return fetchingIssuerDirectory(issuerTenants(parseTenantDirectory(await response.json()), window.location));
}
