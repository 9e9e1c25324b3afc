import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';

/** `no_slots`: nothing free for the chosen vaccine; the others: a booking was just refused. */
export type Notice = 'slot_full' | 'sold_out' | 'no_slots';

/** The waiting list with the vaccine the person had chosen already filled in. */
export function waitingListPath(productId: string | null): string {
  return productId ? `${paths.registration}?vaccine=${encodeURIComponent(productId)}` : paths.registration;
}

const TEXT_KEYS: Record<Notice, string> = {
  slot_full: 'booking.errors.slotFull',
  sold_out: 'booking.errors.soldOut',
  no_slots: 'booking.errors.noSlots',
};

/** Why the person is back at the times: friendly words and the next step, never an error page. */
export function JourneyNotice({ notice, productId, ref }: { notice: Notice; productId: string | null; ref?: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  return (
    <div ref={ref} className="alert alert--info" role={notice === 'no_slots' ? 'status' : 'alert'} tabIndex={-1}>
      <p>{t(TEXT_KEYS[notice])}</p>
      {notice === 'slot_full' ? null : (
        <>
          <p className="alert__action">
            <Link className="button button--secondary" to={waitingListPath(productId)}>
              {t('booking.errors.waitingList')}
            </Link>
          </p>
          <p>{t('booking.errors.standby')}</p>
        </>
      )}
    </div>
  );
}
