import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';

export type Notice = 'slot_full' | 'sold_out';

/** Why the person is back at the times: friendly words and the next step, never an error page. */
export function JourneyNotice({ notice, ref }: { notice: Notice; ref?: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  if (notice === 'slot_full') {
    return (
      <div ref={ref} className="alert alert--info" role="alert" tabIndex={-1}>
        <p>{t('booking.errors.slotFull')}</p>
      </div>
    );
  }
  return (
    <div ref={ref} className="alert alert--info" role="alert" tabIndex={-1}>
      <p>{t('booking.errors.soldOut')}</p>
      <p className="alert__action">
        <Link className="button button--secondary" to={paths.registration}>
          {t('booking.errors.waitingList')}
        </Link>
      </p>
    </div>
  );
}
