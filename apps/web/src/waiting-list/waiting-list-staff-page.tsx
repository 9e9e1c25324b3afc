import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { fetchCatalogue } from '../booking/booking-api';
import { Link } from '../shared/routing/router';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { StatusMessage } from '../shared/ui/status-message';
import { ReleaseForm } from './release-form';
import { fetchAllocationDeadLetters, fetchQueue, fetchReleases, replayAllocation, type AllocationDeadLetter, type QueueEntry } from './waiting-list-api';

/** For doctors: release groups, watch the queue (with the reasons people still wait) and replay failed allocations. */
export function WaitingListStaffPage() {
  const { t } = useTranslation();
  usePageTitle(t('waitingList.staff.title'));
  const [notice, setNotice] = useState<string | null>(null);
  const query = useStaffQuery('waiting-list', async (api, signal) => {
    const [queue, releases, deadLetters, catalogue] = await Promise.all([
      fetchQueue(api, signal),
      fetchReleases(api, signal),
      fetchAllocationDeadLetters(api, signal),
      fetchCatalogue(api, signal),
    ]);
    return { queue, releases, deadLetters, sites: catalogue.sites };
  });

  return (
    <section className="page" aria-labelledby="waiting-list-title">
      <h1 id="waiting-list-title">{t('waitingList.staff.title')}</h1>
      <p className="actions">
        <Link to="/staff/waiting-list/rules">{t('waitingList.rules.title')}</Link>
        <Link to="/staff/waiting-list/reports">{t('waitingList.reports.title')}</Link>
        <Link to="/staff/standby">{t('waitingList.announcements.title')}</Link>
      </p>
      {notice ? <StatusMessage tone="success">{notice}</StatusMessage> : null}
      <QueryState resource={query.resource} retry={query.refresh}>
        {({ queue, releases, deadLetters, sites }) => (
          <>
            <ReleaseForm
              sites={sites}
              onReleased={() => {
                setNotice(t('waitingList.staff.released'));
                query.refresh();
              }}
            />
            <h2>{t('waitingList.staff.releasesTitle')}</h2>
            {releases.length === 0 ? (
              <p className="empty-note">{t('waitingList.staff.noRelease')}</p>
            ) : (
              <ul data-testid="releases">
                {releases.map((release) => (
                  <li key={release.siteId ?? 'all'}>
                    {t('waitingList.staff.releaseLine', {
                      rank: release.upToRank,
                      site: sites.find((site) => site.id === release.siteId)?.name ?? t('waitingList.staff.everySite'),
                    })}
                  </li>
                ))}
              </ul>
            )}
            <QueueTable queue={queue.items} total={queue.total} />
            <DeadLetters letters={deadLetters} onReplayed={query.refresh} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function QueueTable({ queue, total }: { queue: QueueEntry[]; total: number }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'de' ? 'de' : 'en';
  return (
    <>
      <h2>{t('waitingList.staff.queueTitle', { total })}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('waitingList.staff.registeredAt')}</th>
              <th scope="col">{t('waitingList.staff.group')}</th>
              <th scope="col">{t('waitingList.staff.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((entry) => (
              <tr key={entry.registrationId}>
                <td>{new Date(entry.registeredAt).toLocaleString(locale)}</td>
                <td>{entry.group ? `${entry.rank}. ${entry.group[locale]}` : t('waitingList.staff.noGroup')}</td>
                <td>{entry.reason ? t(`waitingList.reasons.${entry.reason}`, { defaultValue: entry.reason }) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function DeadLetters({ letters, onReplayed }: { letters: AllocationDeadLetter[]; onReplayed: () => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [error, setError] = useState<string | null>(null);
  const replay = async (id: string) => {
    try {
      await replayAllocation(api, id);
      onReplayed();
    } catch (cause) {
      setError(describeError(cause, t));
    }
  };
  return (
    <>
      <h2>{t('waitingList.staff.deadTitle')}</h2>
      <FormAlert messages={error ? [error] : []} />
      {letters.length === 0 ? (
        <p className="empty-note">{t('waitingList.staff.noDead')}</p>
      ) : (
        <ul>
          {letters.map((letter) => (
            <li key={letter.id}>
              <span className="table__code">{letter.reason ?? '—'}</span>{' '}
              <button type="button" className="button button--secondary" onClick={() => void replay(letter.id)}>
                {t('waitingList.staff.replay')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
