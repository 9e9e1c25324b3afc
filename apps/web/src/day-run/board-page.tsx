import type { BoardEntry, DayBoard, NoShowsMarked, StaffProfile } from '@vaccinate/api-contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { CATALOGUE_EDITOR_ROLES, hasAnyRole } from '../shared/staff-roles';
import { loadTenantTimeZone } from '../booking/tenant-settings';
import { TimeZoneProvider, useDateFormat } from '../shared/time-zone-context';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { StatusMessage } from '../shared/ui/status-message';
import { useBoardEvents, type LiveState } from './board-events';
import { displayState } from './board-state';
import { CheckInPanel } from './check-in-panel';
import { fetchBoard, markNoShows } from './day-run-api';

export function BoardPage({ dayId, staff }: { dayId: string; staff: StaffProfile }) {
  const { t } = useTranslation();
  usePageTitle(t('dayRun.board.title'));
  const query = useStaffQuery(`board:${dayId}`, async (api, signal) => {
    const [board, timeZone] = await Promise.all([fetchBoard(api, dayId, signal), loadTenantTimeZone(api)]);
    return { board, timeZone };
  });
  const { refresh } = query;
  // Several devices work the same day: each change anywhere reloads this board.
  const live = useBoardEvents(dayId, refresh);

  return (
    <section className="page page--wide" aria-labelledby="board-title">
      <Link className="back-link" to={paths.day(dayId)}>
        {t('dayRun.board.backToDay')}
      </Link>
      <LiveStatus state={live} />
      <QueryState resource={query.resource} retry={refresh} notFound={t('days.notFound')}>
        {({ board, timeZone }) => (
          <TimeZoneProvider timeZone={timeZone}>
            <Board board={board} onChanged={refresh} showReport={hasAnyRole(staff.roles, CATALOGUE_EDITOR_ROLES)} />
          </TimeZoneProvider>
        )}
      </QueryState>
    </section>
  );
}

function Board({ board, onChanged, showReport }: { board: DayBoard; onChanged: () => void; showReport: boolean }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const [checkedIn, setCheckedIn] = useState<BoardEntry | null>(null);
  const now = Date.now();
  return (
    <>
      <div className="page__header">
        <h1 id="board-title">
          {t('dayRun.board.title')} · {format.day(board.date)} · {board.siteName}
        </h1>
        {showReport ? (
          <Link className="button button--ghost" to={paths.dayReport(board.dayId)}>
            {t('dayRun.board.report')}
          </Link>
        ) : null}
      </div>
      <Counters board={board} />
      {checkedIn?.visitId ? (
        <StatusMessage tone="success">
          {t('dayRun.checkIn.checkedIn', { name: `${checkedIn.person.givenName} ${checkedIn.person.familyName}` })}{' '}
          <Link to={paths.visit(checkedIn.visitId)}>{t('dayRun.board.openVisit')}</Link>
        </StatusMessage>
      ) : null}
      <CheckInPanel
        dayId={board.dayId}
        entries={board.entries}
        onCheckedIn={(entry) => {
          setCheckedIn(entry);
          onChanged();
        }}
      />
      <div className="card">
        <h2>{t('dayRun.board.appointments')}</h2>
        {board.entries.length === 0 ? (
          <p className="empty-note">{t('dayRun.board.empty')}</p>
        ) : (
          <table className="board-table">
            <thead>
              <tr>
                <th scope="col">{t('dayRun.board.time')}</th>
                <th scope="col">{t('dayRun.board.person')}</th>
                <th scope="col">{t('dayRun.board.vaccine')}</th>
                <th scope="col">{t('dayRun.board.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('dayRun.board.openVisit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {board.entries.map((entry) => {
                const state = displayState(entry, now);
                return (
                  <tr key={entry.appointmentId} className={`board-row board-row--${state}`}>
                    <td>{format.time(entry.startsAt)}</td>
                    <td>
                      {entry.person.givenName} {entry.person.familyName}
                      {entry.walkIn ? <span className="badge">{t('dayRun.board.walkIn')}</span> : null}
                    </td>
                    <td>{t('dayRun.board.doseLine', { product: entry.productName, dose: entry.doseNumber })}</td>
                    <td>
                      {t(`dayRun.states.${state}`)}
                      {state === 'observation' && entry.observationUntil ? ` ${t('dayRun.board.observationUntil', { time: format.time(entry.observationUntil) })}` : ''}
                      {entry.flaggedAnswers.length > 0 && state !== 'done' ? (
                        entry.flagsAcknowledged ? (
                          <span className="badge">{t('dayRun.board.flagsAcknowledged')}</span>
                        ) : (
                          <span className="badge badge--warning">{t('dayRun.board.flagged')}</span>
                        )
                      ) : null}
                    </td>
                    <td>
                      {entry.visitId && entry.state !== 'no_show' ? (
                        <Link to={paths.visit(entry.visitId)} aria-label={`${t('dayRun.board.openVisit')}: ${entry.person.givenName} ${entry.person.familyName}`}>
                          {t('dayRun.board.openVisit')}
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      <NoShows dayId={board.dayId} onMarked={onChanged} />
    </>
  );
}

function LiveStatus({ state }: { state: LiveState }) {
  const { t } = useTranslation();
  return (
    <p role="status" className={`live-status live-status--${state}`}>
      {t(`dayRun.board.live.${state}`)}
    </p>
  );
}

function Counters({ board }: { board: DayBoard }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const { counters } = board;
  const figures: [string, number][] = [
    [t('dayRun.board.booked'), counters.booked],
    [t('dayRun.board.arrived'), counters.arrived],
    [t('dayRun.board.vaccinated'), counters.vaccinated],
    [t('dayRun.board.noShows'), counters.noShows],
    [t('dayRun.board.walkIns'), counters.walkIns],
  ];
  return (
    <section className="card" aria-label={t('dayRun.board.counters')}>
      <dl className="counters">
        {figures.map(([label, value]) => (
          <div key={label} className="counters__item">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>
        <strong>{t('dayRun.board.dosesLeft')}:</strong>{' '}
        {counters.lots.map((lot) => t('dayRun.board.lotLeft', { lot: lot.lotNumber, expiry: format.day(lot.expiryDate, 'short'), count: lot.dosesLeft })).join(' · ') ||
          '—'}
      </p>
    </section>
  );
}

function NoShows({ dayId, onMarked }: { dayId: string; onMarked: () => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [result, setResult] = useState<NoShowsMarked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mark = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await markNoShows(api, dayId));
      onMarked();
    } catch (cause) {
      setError(describeError(cause, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="card">
      <p className="field__hint">{t('dayRun.board.markNoShowsHint')}</p>
      <FormAlert messages={error ? [error] : []} />
      {result ? <StatusMessage tone="success">{t('dayRun.board.noShowsMarked', { count: result.noShows, doses: result.dosesFreed })}</StatusMessage> : null}
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void mark()}>
        {t('dayRun.board.markNoShows')}
      </button>
    </div>
  );
}
