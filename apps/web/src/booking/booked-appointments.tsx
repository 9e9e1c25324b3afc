import type { BookedAppointment } from '@vaccinate/api-contracts';
import { useTranslation } from 'react-i18next';
import { AppointmentCard } from './appointment-card';

/** The appointments of a booking in dose order. */
export function BookedAppointments({ appointments }: { appointments: readonly BookedAppointment[] }) {
  const { t } = useTranslation();
  const sorted = [...appointments].sort((a, b) => a.doseNumber - b.doseNumber);
  return (
    <ul className="appointments">
      {sorted.map((appointment) => (
        <AppointmentCard
          key={appointment.id}
          title={t('booking.appointment.title', { number: appointment.doseNumber, kind: t(`booking.doseKind.${appointment.doseKind}`) })}
          startsAt={appointment.startsAt}
          endsAt={appointment.endsAt}
          site={appointment.site}
          cancelled={appointment.status === 'cancelled'}
        />
      ))}
    </ul>
  );
}
