import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../shared/time-zone-context';
import { formatBirthDate } from '../people/birth-date-format.util';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { countByStatus, groupBySlot, type SlotGroup } from './day-appointment-groups';
import { fetchDayAppointments } from './day-appointments-api';

const COLUMNS = ['name', 'birthDate', 'dose', 'product', 'bookingCode', 'status'] as const;

/**
 * Who is booked on the day, slot by slot. `version` reloads the list after the day changed (a
 * cancelled day cancels its appointments). Names stay on the page, never in a URL or title.
 */
export function DayAppointments({ dayId, version }: { dayId: string; version: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { resource, refresh } = useStaffQuery(`day-appointments:${dayId}:${version}`, (api, signal) => fetchDayAppointments(api, dayId, signal));

  return (
    <section className="day-appointments" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('days.appointments.title')}</h2>
      <QueryState resource={resource} retry={refresh}>
        {(appointments) => {
          if (appointments.length === 0) return <p className="empty-note">{t('days.appointments.empty')}</p>;
          const total = countByStatus(appointments);
          return (
            <>
              <p className="field__hint" data-testid="day-appointment-counts">
                {t('days.appointments.counts', total)}
              </p>
              <div className="table-wrap">
                <table className="table" aria-labelledby={headingId}>
                  <thead>
                    <tr>
                      {COLUMNS.map((column) => (
                        <th key={column} scope="col">
                          {t(`days.appointments.columns.${column}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  {groupBySlot(appointments).map((group) => (
                    <SlotRows key={group.startsAt} group={group} />
                  ))}
                </table>
              </div>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function SlotRows({ group }: { group: SlotGroup }) {
  const { t, i18n } = useTranslation();
  const format = useDateFormat();
  return (
    <tbody>
      <tr className="table__group">
        <th scope="rowgroup" colSpan={COLUMNS.length}>
          {format.time(group.startsAt)}–{format.time(group.endsAt)} <span className="table__group-counts">{t('days.appointments.counts', group.counts)}</span>
        </th>
      </tr>
      {group.appointments.map((appointment) => {
        const cancelled = appointment.status === 'cancelled';
        return (
          <tr key={appointment.appointmentId} className={cancelled ? 'table__row--muted' : undefined}>
            <th scope="row">
              {appointment.person.familyName}, {appointment.person.givenName}
            </th>
            <td>{formatBirthDate(appointment.person.birthDate, i18n.language)}</td>
            <td>{t('booking.appointment.title', { number: appointment.doseNumber, kind: t(`booking.doseKind.${appointment.doseKind}`) })}</td>
            <td>{appointment.productName}</td>
            <td className="table__code">{appointment.bookingCode}</td>
            <td>{t(`days.appointments.statuses.${appointment.status}`)}</td>
          </tr>
        );
      })}
    </tbody>
  );
}
