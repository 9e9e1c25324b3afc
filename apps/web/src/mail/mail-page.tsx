import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadTenantTimeZone } from '../booking/tenant-settings';
import { TimeZoneProvider } from '../shared/time-zone-context';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { StatusMessage } from '../shared/ui/status-message';
import { DeadLetterTable, type ReplayOutcome } from './dead-letter-table';
import { fetchOutboxStatus, listDeadLetters, type OutboxStatus } from './outbox-api';

/** For admins: how the outgoing mail is doing, and the messages that could not be delivered. */
export function MailPage() {
  const { t } = useTranslation();
  usePageTitle(t('mail.title'));
  const [notice, setNotice] = useState<ReplayOutcome | null>(null);
  const query = useStaffQuery('outbox', async (api, signal) => {
    const [status, deadLetters, timeZone] = await Promise.all([fetchOutboxStatus(api, signal), listDeadLetters(api, signal), loadTenantTimeZone(api)]);
    return { status, deadLetters: [...deadLetters].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), timeZone };
  });

  const onReplayed = (outcome: ReplayOutcome) => {
    setNotice(outcome);
    query.refresh();
  };

  return (
    <section className="page" aria-labelledby="mail-title">
      <h1 id="mail-title">{t('mail.title')}</h1>
      <p className="lead">{t('mail.intro')}</p>
      {notice ? <StatusMessage tone={notice === 'replayed' ? 'success' : 'info'}>{t(`mail.${notice}`)}</StatusMessage> : null}
      <QueryState resource={query.resource} retry={query.refresh}>
        {({ status, deadLetters, timeZone }) => (
          <TimeZoneProvider timeZone={timeZone}>
            <OutboxCounts status={status} />
            <h2>{t('mail.deadTitle')}</h2>
            {deadLetters.length === 0 ? <p className="empty-note">{t('mail.empty')}</p> : <DeadLetterTable letters={deadLetters} onReplayed={onReplayed} />}
          </TimeZoneProvider>
        )}
      </QueryState>
    </section>
  );
}

const COUNTS = ['pending', 'sent', 'dead'] as const;

function OutboxCounts({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation();
  return (
    <div className="card">
      <dl className="details">
        {COUNTS.map((key) => (
          <div key={key} className="details__row">
            <dt>{t(`mail.counts.${key}`)}</dt>
            <dd data-testid={`outbox-${key}`}>{status[key] ?? 0}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
