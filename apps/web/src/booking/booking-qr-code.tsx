import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The booking code as a QR code for check-in; drawn as SVG so it stays sharp when printed. */
export function BookingQrCode({ bookingCode }: { bookingCode: string }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    QRCode.toString(bookingCode, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(
      (svg) => {
        if (current) setSource(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      },
      () => undefined, // The code is also shown as text; a failed drawing leaves only that.
    );
    return () => {
      current = false;
    };
  }, [bookingCode]);

  if (!source) return null;
  return <img className="qr-code" src={source} width={192} height={192} alt={t('booking.confirmation.qrAlt', { code: bookingCode })} />;
}
