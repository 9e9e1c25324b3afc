import type { StaffProfile, VaccinationDay } from '@vaccinate/api-contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { CATALOGUE_EDITOR_ROLES, hasAnyRole } from '../shared/staff-roles';
import { formatDay } from '../shared/date-format.util';
import { loadTenantTimeZone } from '../booking/tenant-settings';
import { TimeZoneProvider } from '../shared/time-zone-context';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { cancelDay, fetchDay, listLots, listSites } from '../staff/catalogue-api';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { StatusMessage } from '../shared/ui/status-message';
import { CapacityChangeForm } from './capacity-change-form';
import { DayAppointments } from './day-appointments';
import { DayReportLink } from './day-report-link';
import { SlotTable } from './slot-table';

export function DayPage({ id, staff }: { id: string; staff: StaffProfile }) {
  const { t } = useTranslation();
  usePageTitle(t('days.dayTitle'));
  const query = useStaffQuery(`day:${id}`, async (api, signal) => {
    const [day, sites, lots, timeZone] = await Promise.all([fetchDay(api, id, signal), listSites(api, signal), listLots(api, signal), loadTenantTimeZone(api)]);
    return { day, sites, lots, timeZone };
  });
  const [override, setOverride] = useState<{ day: VaccinationDay; notice: 'changed' | 'cancelled' } | null>(null);

  return (
    <section className="page" aria-labelledby="day-title">
      <Link className="back-link" to={paths.days}>
        {t('days.backToList')}
      </Link>
      <DayReportLink dayId={id} staff={staff} />
      <QueryState resource={query.resource} retry={query.refresh} notFound={t('days.notFound')}>
        {({ day: loaded, sites, lots, timeZone }) => {
          const day = override?.day.id === loaded.id && override.day.version >= loaded.version ? override.day : loaded;
          const site = sites.find((candidate) => candidate.id === day.siteId);
          const canEdit = hasAnyRole(staff.roles, CATALOGUE_EDITOR_ROLES) && day.status === 'scheduled';
          return (
            <TimeZoneProvider timeZone={timeZone}>
              <DayView
                day={day}
                siteName={site?.name ?? '—'}
                lotName={(lotId) => lots.find((lot) => lot.id === lotId)?.lotNumber ?? lotId}
                canEdit={canEdit}
                notice={override?.day === day ? override.notice : null}
                onChanged={(next, notice) => setOverride({ day: next, notice })}
              />
            </TimeZoneProvider>
          );
        }}
      </QueryState>
    </section>
  );
}

interface DayViewProps {
  day: VaccinationDay;
  siteName: string;
  lotName: (lotId: string) => string;
  canEdit: boolean;
  notice: 'changed' | 'cancelled' | null;
  onChanged: (day: VaccinationDay, notice: 'changed' | 'cancelled') => void;
}

function DayView({ day, siteName, lotName, canEdit, notice, onChanged }: DayViewProps) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <div className="page__header">
        <h1 id="day-title">
          {formatDay(day.date, i18n.language)} · {siteName}
        </h1>
        {day.status === 'scheduled' ? (
          <Link className="button button--primary" to={paths.dayBoard(day.id)}>
            {t('dayRun.board.open')}
          </Link>
        ) : null}
        {canEdit && !confirming ? (
          <button type="button" className="button button--ghost" onClick={() => setConfirming(true)}>
            {t('days.cancelDay')}
          </button>
        ) : null}
      </div>
      {notice ? <StatusMessage tone="success">{t(`days.${notice}`)}</StatusMessage> : null}
      {confirming ? <CancelDayConfirm day={day} onCancelled={(next) => onChanged(next, 'cancelled')} onKeep={() => setConfirming(false)} /> : null}
      <div className="card">
        <dl className="details">
          <div className="details__row">
            <dt>{t('days.status')}</dt>
            <dd>{t(`days.statuses.${day.status}`)}</dd>
          </div>
          <div className="details__row">
            <dt>{t('days.hours')}</dt>
            <dd>
              {day.opensAt}–{day.closesAt} · {t('days.slotLength', { count: day.slotMinutes })}
            </dd>
          </div>
          <div className="details__row">
            <dt>{t('days.dosesBooked')}</dt>
            <dd>{t('days.dosesOfCap', { booked: day.dosesBooked, cap: day.dosesCap })}</dd>
          </div>
          <div className="details__row">
            <dt>{t('days.lots')}</dt>
            <dd>{day.lots.map((lot) => t('days.lotLine', { lot: lotName(lot.lotId), count: lot.doses })).join(', ') || '—'}</dd>
          </div>
        </dl>
      </div>
      <SlotTable day={day} />
      <DayAppointments dayId={day.id} version={day.version} />
      {canEdit ? (
        <div className="card">
          <h2>{t('days.changeCapacity')}</h2>
          <p className="field__hint">{t('days.changeCapacityHint')}</p>
          <CapacityChangeForm key={day.version} day={day} onChanged={(next) => onChanged(next, 'changed')} />
        </div>
      ) : null}
    </>
  );
}

function CancelDayConfirm({ day, onCancelled, onKeep }: { day: VaccinationDay; onCancelled: (day: VaccinationDay) => void; onKeep: () => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const titleId = useId();
  const textId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => keepRef.current?.focus(), []);
  const booked = day.slots.reduce((sum, slot) => sum + slot.booked.first + slot.booked.followUp + slot.booked.booster, 0);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      // The API answers the cancelled day with the number of people notified.
      onCancelled((await cancelDay(api, day.id)).day);
    } catch (cause) {
      setError(describeError(cause, t));
      setBusy(false);
    }
  };

  return (
    <div className="card confirm-panel" role="alertdialog" aria-labelledby={titleId} aria-describedby={textId}>
      <h2 id={titleId}>{t('days.cancelConfirmTitle')}</h2>
      <p id={textId}>{t('days.cancelConfirmText', { count: booked })}</p>
      <FormAlert messages={error ? [error] : []} />
      <div className="actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void cancel()}>
          {t('days.cancelConfirm')}
        </button>
        <button ref={keepRef} type="button" className="button button--secondary" onClick={onKeep}>
          {t('days.keepDay')}
        </button>
      </div>
    </div>
  );
}
