import { RegistrationLookup } from '@vaccinate/api-contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { ApiProblemError } from '../shared/api/api-error';
import { checkForm } from '../shared/api/contract-form';
import { describeError } from '../shared/api/error-message';
import { splitFieldProblems, type FieldErrors } from '../shared/api/field-errors';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { TextField } from '../shared/ui/text-field';
import { StandbyOptInForm } from './standby-opt-in-form';
import { fetchRegistrationStatus, withdrawRegistration, type RegistrationStatus } from './waiting-list-api';

const LOOKUP_FIELDS = ['trackingCode', 'birthDate'] as const;
type LookupField = (typeof LOOKUP_FIELDS)[number];

/** The registrant's own page: tracking code (from the link's fragment) and birth date in, status out. */
export function RegistrationStatusPage() {
  const { t } = useTranslation();
  usePageTitle(t('waitingList.status.title'));
  const api = useApiClient();
  const [trackingCode, setTrackingCode] = useState(() => decodeURIComponent(window.location.hash.slice(1)));
  const [birthDate, setBirthDate] = useState('');
  const [status, setStatus] = useState<RegistrationStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<LookupField>>({});

  const lookUp = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    // The API's own contract first: a malformed code is marked at its input, in the reader's language.
    const local = checkForm(RegistrationLookup, { trackingCode: trackingCode.trim(), birthDate }, LOOKUP_FIELDS, t);
    if (local.trackingCode && trackingCode.trim() !== '') local.trackingCode = t('waitingList.status.trackingCodeFormat');
    setFieldErrors(local);
    if (Object.keys(local).length > 0) {
      setStatus(null);
      setError(t('validation.summary'));
      return;
    }
    try {
      setStatus(await fetchRegistrationStatus(api, trackingCode.trim(), birthDate));
    } catch (cause) {
      setStatus(null);
      const { byField, other } = cause instanceof ApiProblemError ? splitFieldProblems(cause, LOOKUP_FIELDS, t) : { byField: {}, other: [] };
      setFieldErrors(byField);
      setError(Object.keys(byField).length > 0 ? t('validation.summary') : (other[0] ?? describeError(cause, t)));
    }
  };

  return (
    <section className="page" aria-labelledby="status-title">
      <h1 id="status-title">{t('waitingList.status.title')}</h1>
      <form className="form" noValidate onSubmit={(event) => void lookUp(event)}>
        <FormAlert messages={error ? [error] : []} />
        <div className="form__grid">
          <TextField
            name="trackingCode"
            label={t('waitingList.status.trackingCode')}
            value={trackingCode}
            error={fieldErrors.trackingCode}
            onChange={(event) => setTrackingCode(event.target.value)}
          />
          <TextField
            name="birthDate"
            type="date"
            label={t('person.birthDate')}
            value={birthDate}
            error={fieldErrors.birthDate}
            onChange={(event) => setBirthDate(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary">
          {t('waitingList.status.show')}
        </button>
      </form>
      {status ? <StatusCard status={status} /> : null}
      {status && (status.status === 'queued' || status.status === 'offered') ? <StandbyOptInForm source={{ trackingCode: status.trackingCode, birthDate }} /> : null}
      {status && (status.status === 'queued' || status.status === 'offered') ? (
        <WithdrawPanel
          trackingCode={status.trackingCode}
          birthDate={birthDate}
          onWithdrawn={() => setStatus({ ...status, status: 'withdrawn', position: null, offer: null })}
        />
      ) : null}
    </section>
  );
}

function StatusCard({ status }: { status: RegistrationStatus }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'de' ? 'de' : 'en';
  const format = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'full', timeStyle: 'short' });
  return (
    <div className="card" data-testid="registration-status">
      <h2>{t(`waitingList.status.states.${status.status}`)}</h2>
      <dl className="details">
        {status.group ? (
          <div className="details__row">
            <dt>{t('waitingList.status.group')}</dt>
            <dd>{status.group.name[locale]}</dd>
          </div>
        ) : null}
        {status.position !== null ? (
          <div className="details__row">
            <dt>{t('waitingList.status.position')}</dt>
            <dd>{t('waitingList.status.positionValue', { position: status.position })}</dd>
          </div>
        ) : null}
        {status.offer ? (
          <div className="details__row">
            <dt>{t('waitingList.status.offer')}</dt>
            <dd>{t('waitingList.status.offerValue', { site: status.offer.siteName, until: format(status.offer.availableUntil) })}</dd>
          </div>
        ) : null}
        {status.appointments.map((appointment) => (
          <div key={appointment.startsAt} className="details__row">
            <dt>{t('waitingList.status.dose', { number: appointment.doseNumber })}</dt>
            <dd>{`${format(appointment.startsAt)}, ${appointment.siteName}`}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Leaving the waiting list frees the place for the next person; asked twice, as it cannot be undone. */
function WithdrawPanel({ trackingCode, birthDate, onWithdrawn }: { trackingCode: string; birthDate: string; onWithdrawn: () => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const withdraw = async () => {
    setError(null);
    try {
      await withdrawRegistration(api, trackingCode, birthDate);
      onWithdrawn();
    } catch (cause) {
      setError(describeError(cause, t));
    }
  };
  return (
    <div className="card">
      <h2>{t('waitingList.status.withdrawTitle')}</h2>
      <p>{t('waitingList.status.withdrawText')}</p>
      <FormAlert messages={error ? [error] : []} />
      {confirming ? (
        <div className="actions">
          <button type="button" className="button button--danger" onClick={() => void withdraw()}>
            {t('waitingList.status.withdrawConfirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            {t('waitingList.status.withdrawKeep')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--ghost" onClick={() => setConfirming(true)}>
          {t('waitingList.status.withdraw')}
        </button>
      )}
    </div>
  );
}
