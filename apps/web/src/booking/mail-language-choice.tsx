import type { ManagedBooking } from '@vaccinate/api-contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { MAIL_LOCALE_NAMES, pageLocale } from '../shared/mail-locale';
import { FormAlert } from '../shared/ui/form-alert';
import { SelectField } from '../shared/ui/select-field';
import { StatusMessage } from '../shared/ui/status-message';
import { changeBookingLocale } from './booking-api';

/** The language of the person's mails, reminders and calendar files; saved as soon as it is chosen. */
export function MailLanguageChoice({ booking, token, onChanged }: { booking: ManagedBooking; token: string; onChanged: (next: ManagedBooking) => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<'de' | 'en' | null>(null);
  const [error, setError] = useState<unknown>(null);

  const choose = async (value: string) => {
    const locale = pageLocale(value);
    setSaving(true);
    setSaved(null);
    setError(null);
    try {
      onChanged(await changeBookingLocale(api, token, { locale }));
      setSaved(locale);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="mail-language">
      <SelectField
        label={t('booking.manage.mailLanguage')}
        name="mailLanguage"
        value={booking.locale}
        disabled={saving}
        onChange={(event) => void choose(event.target.value)}
        options={Object.entries(MAIL_LOCALE_NAMES).map(([value, label]) => ({ value, label }))}
      />
      {/* Said in the chosen language, as the mails will be. */}
      {saved ? (
        <StatusMessage tone="success">
          <span lang={saved}>{t('booking.manage.mailLanguageSaved', { lng: saved })}</span>
        </StatusMessage>
      ) : null}
      {error ? <FormAlert messages={[describeError(error, t)]} /> : null}
    </div>
  );
}
