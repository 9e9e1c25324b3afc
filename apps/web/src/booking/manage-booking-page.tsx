import type { ManagedBooking } from '@vaccinate/api-contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../shared/api/api-error';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { LoadingIndicator, StatusMessage } from '../shared/ui/status-message';
import { fetchManagedBooking } from './booking-api';
import { BookedAppointments } from './booked-appointments';
import { CalendarButton } from './calendar-button';
import { CancelBookingConfirm } from './cancel-booking-confirm';
import { forgetManageToken, takeManageToken } from './manage-token';
import { MailLanguageChoice } from './mail-language-choice';
import { RebookPanel } from './rebook-panel';
import { loadTenantTimeZone } from './tenant-settings';
import { TimeZoneProvider } from '../shared/time-zone-context';

type Loaded = { status: 'loading' } | { status: 'loaded'; booking: ManagedBooking; timeZone: string | undefined } | { status: 'failed'; error: unknown };

/** A token the API does not know (or no longer accepts) ends here, whatever the exact status. */
function isRefusedToken(error: unknown): boolean {
  return error instanceof ApiProblemError && [401, 403, 404, 410].includes(error.status);
}

export function ManageBookingPage() {
  const { t } = useTranslation();
  usePageTitle(t('booking.manage.title'));
  const [token] = useState(takeManageToken);

  return (
    <section className="page page--narrow" aria-labelledby="manage-title">
      <h1 id="manage-title">{t('booking.manage.title')}</h1>
      {token ? <ManagedBookingView token={token} /> : <FormAlert messages={[t('booking.manage.noToken')]} />}
    </section>
  );
}

function ManagedBookingView({ token }: { token: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [mode, setMode] = useState<'view' | 'confirm-cancel' | 'rebook'>('view');
  const [notice, setNotice] = useState<'cancelled' | 'changed' | null>(null);
  const changeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    // The booking is asked for first; the zone comes from the catalogue and never fails the page.
    Promise.all([fetchManagedBooking(api, token, controller.signal), loadTenantTimeZone(api)]).then(
      ([booking, timeZone]) => setLoaded({ status: 'loaded', booking, timeZone }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isRefusedToken(error)) forgetManageToken();
        setLoaded({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [api, token, attempt]);

  if (loaded.status === 'loading') return <LoadingIndicator label={t('common.loading')} />;
  if (loaded.status === 'failed') {
    if (isRefusedToken(loaded.error)) return <FormAlert messages={[t('booking.manage.invalidToken')]} />;
    return (
      <FormAlert
        messages={[describeError(loaded.error, t)]}
        action={
          <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        }
      />
    );
  }

  const { booking, timeZone } = loaded;
  const active = booking.status === 'active';
  const replace = (next: ManagedBooking, what: 'cancelled' | 'changed') => {
    setLoaded({ status: 'loaded', booking: next, timeZone });
    setNotice(what);
    setMode('view');
  };

  return (
    <TimeZoneProvider timeZone={timeZone}>
      {notice ? <StatusMessage tone="success">{t(`booking.manage.${notice}`)}</StatusMessage> : null}
      <div className="card">
        <p>{t('booking.manage.greeting', { name: booking.givenName })}</p>
        <p>{active ? t('booking.manage.statusActive') : t('booking.manage.statusCancelled')}</p>
        <p className="confirmation__label">{t('booking.manage.codeLabel')}</p>
        <p className="booking-code" data-testid="booking-code">
          {booking.bookingCode}
        </p>
        <p className="lead">{booking.product.name}</p>
        <BookedAppointments appointments={booking.appointments} />
        {active && mode === 'view' ? (
          <div className="actions">
            <button ref={changeButton} type="button" className="button button--primary" onClick={() => setMode('rebook')}>
              {t('booking.manage.change')}
            </button>
            <CalendarButton manageToken={token} bookingCode={booking.bookingCode} />
            <button type="button" className="button button--ghost" onClick={() => setMode('confirm-cancel')}>
              {t('booking.manage.cancel')}
            </button>
          </div>
        ) : null}
        {active && mode === 'view' ? (
          <p>
            <Link to={paths.standbyJoin}>{t('waitingList.standby.fromBooking')}</Link>
          </p>
        ) : null}
        {active && mode === 'view' ? (
          <MailLanguageChoice booking={booking} token={token} onChanged={(next) => setLoaded({ status: 'loaded', booking: next, timeZone })} />
        ) : null}
        {!active ? (
          <p>
            <Link to={paths.landing}>{t('booking.manage.startOver')}</Link>
          </p>
        ) : null}
      </div>
      {active && mode === 'confirm-cancel' ? (
        <CancelBookingConfirm token={token} onCancelled={(next) => replace(next, 'cancelled')} onKeep={() => setMode('view')} />
      ) : null}
      {active && mode === 'rebook' ? (
        <RebookPanel booking={booking} token={token} onRebooked={(next) => replace(next, 'changed')} onClose={() => setMode('view')} />
      ) : null}
    </TimeZoneProvider>
  );
}
