import type { ManagedBooking } from '@vaccinate/api-contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { FormAlert } from '../shared/ui/form-alert';
import { cancelBooking } from './booking-api';

interface CancelBookingConfirmProps {
  token: string;
  onCancelled: (booking: ManagedBooking) => void;
  onKeep: () => void;
}

/** Asks before cancelling: a cancelled place is given to someone else at once. */
export function CancelBookingConfirm({ token, onCancelled, onKeep }: CancelBookingConfirmProps) {
  const { t } = useTranslation();
  const api = useApiClient();
  const titleId = useId();
  const textId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The safe choice gets focus, so a stray Enter keeps the booking.
  useEffect(() => keepRef.current?.focus(), []);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      onCancelled(await cancelBooking(api, token));
    } catch (cause) {
      setError(describeError(cause, t));
      setBusy(false);
    }
  };

  return (
    <div
      className="card confirm-panel"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onKeep();
      }}
    >
      <h2 id={titleId}>{t('booking.manage.cancelConfirmTitle')}</h2>
      <p id={textId}>{t('booking.manage.cancelConfirmText')}</p>
      <FormAlert messages={error ? [error] : []} />
      <div className="actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void cancel()}>
          {t('booking.manage.cancelConfirm')}
        </button>
        <button ref={keepRef} type="button" className="button button--secondary" onClick={onKeep}>
          {t('booking.manage.keep')}
        </button>
      </div>
    </div>
  );
}
