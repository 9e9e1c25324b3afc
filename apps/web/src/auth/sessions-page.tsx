import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { QueryState } from '../shared/query-state';
import { useDateFormat } from '../shared/time-zone-context';
import { FormAlert } from '../shared/ui/form-alert';
import { StatusMessage } from '../shared/ui/status-message';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { endOwnSession, listOwnSessions } from './auth-api';
import { useAuth } from './auth-context';

/** The signed-in account's open sessions; ending the current one signs out here. */
export function SessionsPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const { signOut } = useAuth();
  const format = useDateFormat();
  usePageTitle(t('sessions.title'));
  const query = useStaffQuery('own-sessions', (client, signal) => listOwnSessions(client, signal));
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ended, setEnded] = useState(false);

  const end = async (id: string, current: boolean) => {
    setBusyId(id);
    setError(null);
    try {
      await endOwnSession(api, id);
      if (current) return signOut();
      setEnded(true);
      query.refresh();
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className="page" aria-labelledby="sessions-title">
      <h1 id="sessions-title">{t('sessions.title')}</h1>
      <p className="lead">{t('sessions.intro')}</p>
      {ended ? <StatusMessage tone="success">{t('sessions.ended')}</StatusMessage> : null}
      <FormAlert messages={error ? [error] : []} />
      <QueryState resource={query.resource} retry={query.refresh}>
        {(sessions) => (
          <div className="table-wrap">
            <table className="table">
              <caption className="table__caption">{t('sessions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sessions.columns.startedAt')}</th>
                  <th scope="col">{t('sessions.columns.expiresAt')}</th>
                  <th scope="col">{t('sessions.columns.action')}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((session) => (
                  <tr key={session.id}>
                    <th scope="row">
                      {format.dateTime(session.startedAt)}
                      {session.current ? <span className="badge"> {t('sessions.current')}</span> : null}
                    </th>
                    <td>{format.dateTime(session.expiresAt)}</td>
                    <td>
                      <button type="button" className="button button--secondary" disabled={busyId === session.id} onClick={() => void end(session.id, session.current)}>
                        {t('sessions.end')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
