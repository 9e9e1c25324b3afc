import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { ApiProblemError } from '../shared/api/api-error';
import { describeError } from '../shared/api/error-message';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { StatusMessage } from '../shared/ui/status-message';
import { confirmStandbyOffer, type Announcement } from './waiting-list-api';

type Answer = { kind: 'confirmed'; announcement: Announcement } | { kind: 'taken' } | { kind: 'expired' } | { kind: 'error'; message: string };

/** The link in an offer mail: one button; the first to confirm get the doses, the late a kind answer. */
export function StandbyOfferPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('waitingList.offer.title'));
  const api = useApiClient();
  // The token travels in the fragment: it never reaches a server log.
  const [token] = useState(() => window.location.hash.slice(1));
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      setAnswer({ kind: 'confirmed', announcement: (await confirmStandbyOffer(api, token)).announcement });
    } catch (error) {
      if (error instanceof ApiProblemError && error.code === 'standby.already_taken') setAnswer({ kind: 'taken' });
      else if (error instanceof ApiProblemError && error.code === 'standby.offer_expired') setAnswer({ kind: 'expired' });
      else setAnswer({ kind: 'error', message: describeError(error, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page" aria-labelledby="offer-title">
      <h1 id="offer-title">{t('waitingList.offer.title')}</h1>
      {answer?.kind === 'confirmed' ? (
        <StatusMessage tone="success">
          {t('waitingList.offer.confirmed', { until: new Date(answer.announcement.availableUntil).toLocaleTimeString(i18n.language, { timeStyle: 'short' }) })}
        </StatusMessage>
      ) : answer?.kind === 'taken' ? (
        <StatusMessage tone="info">{t('waitingList.offer.taken')}</StatusMessage>
      ) : answer?.kind === 'expired' ? (
        <StatusMessage tone="info">{t('waitingList.offer.expired')}</StatusMessage>
      ) : (
        <>
          <p className="lead">{t('waitingList.offer.intro')}</p>
          <FormAlert messages={answer?.kind === 'error' ? [answer.message] : []} />
          <button type="button" className="button button--primary" disabled={busy || !token} onClick={() => void confirm()}>
            {t('waitingList.offer.confirm')}
          </button>
        </>
      )}
    </section>
  );
}
