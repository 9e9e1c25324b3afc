import type { BookingConfirmation } from '@vaccinate/api-contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../shared/routing/router';
import { BookedAppointments } from './booked-appointments';
import { BookingQrCode } from './booking-qr-code';
import { CalendarButton } from './calendar-button';
import { manageLink, MANAGE_PATH } from './manage-token';

/** What the person keeps: the code (text and QR), both dates, the calendar file and the manage link. */
export function BookingConfirmationView({ confirmation }: { confirmation: BookingConfirmation }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  const link = manageLink(confirmation.manageToken);

  useEffect(() => headingRef.current?.focus(), []);

  const copyCode = async () => {
    try {
      await navigator.clipboard.writeText(confirmation.bookingCode);
      setCopied(true);
    } catch {
      setCopied(false); // No clipboard (old browser, denied): the code is selectable text anyway.
    }
  };

  return (
    <section className="card confirmation" aria-labelledby="confirmation-title">
      <h2 id="confirmation-title" ref={headingRef} tabIndex={-1}>
        {t('booking.confirmation.title')}
      </h2>
      <p className="lead">{t('booking.confirmation.intro', { product: confirmation.product.name })}</p>
      <div className="confirmation__code">
        <div>
          <p className="confirmation__label">{t('booking.confirmation.codeLabel')}</p>
          <p className="booking-code" data-testid="booking-code">
            {confirmation.bookingCode}
          </p>
          <button type="button" className="button button--ghost" onClick={() => void copyCode()}>
            {t('booking.confirmation.copy')}
          </button>
          <span role="status" className="confirmation__copied">
            {copied ? t('booking.confirmation.copied') : ''}
          </span>
        </div>
        <BookingQrCode bookingCode={confirmation.bookingCode} />
      </div>
      <p className="field__hint">{t('booking.confirmation.qrHint')}</p>
      <h3>{t('booking.confirmation.appointments')}</h3>
      <BookedAppointments appointments={confirmation.appointments} />
      <div className="actions">
        <CalendarButton manageToken={confirmation.manageToken} bookingCode={confirmation.bookingCode} />
      </div>
      <div className="alert alert--info">
        <p>{t('booking.confirmation.mail')}</p>
      </div>
      <h3>{t('booking.confirmation.manageTitle')}</h3>
      <p>{t('booking.confirmation.manageText')}</p>
      <p className="manage-link">
        <a href={link}>{link}</a>
      </p>
      <p>
        <Link to={MANAGE_PATH}>{t('booking.confirmation.manageNow')}</Link>
      </p>
    </section>
  );
}
