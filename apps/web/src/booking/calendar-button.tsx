import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { downloadCalendar } from './calendar-download';

export function CalendarButton({ manageToken, bookingCode }: { manageToken: string; bookingCode: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadCalendar(api, manageToken, `vaccination-${bookingCode}.ics`);
    } catch (cause) {
      setError(describeError(cause, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="calendar-button">
      <button type="button" className="button button--secondary" onClick={() => void download()} disabled={busy}>
        {t('booking.confirmation.addToCalendar')}
      </button>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
