import { useTranslation } from 'react-i18next';
import { siteAddress, type SiteSummary } from './site-names';
import { useDateFormat } from '../shared/time-zone-context';

interface AppointmentCardProps {
  title: string;
  startsAt: string;
  endsAt: string;
  site: Pick<SiteSummary, 'name' | 'street' | 'postalCode' | 'city'> | undefined;
  cancelled?: boolean;
}

/** One appointment: what, when and where, in the person's language. */
export function AppointmentCard({ title, startsAt, endsAt, site, cancelled = false }: AppointmentCardProps) {
  const { t } = useTranslation();
  const format = useDateFormat();
  return (
    <li className={cancelled ? 'appointment appointment--cancelled' : 'appointment'}>
      <span className="appointment__title">
        {title}
        {cancelled ? <span className="badge"> {t('booking.manage.cancelledBadge')}</span> : null}
      </span>
      <span className="appointment__when">{format.appointment(startsAt, endsAt)}</span>
      {site ? (
        <span className="appointment__where">
          {site.name}, {siteAddress(site)}
        </span>
      ) : null}
    </li>
  );
}
