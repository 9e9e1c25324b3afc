import type { BookingMailRequest, CertificateMailRequest, ValidBookingMailRequest, ValidCertificateMailRequest } from '@vaccinate/mail-contracts';

export const ICS_FILE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//vaccinate//booking//EN',
  'BEGIN:VEVENT',
  'UID:K7M-4Q2X-1@acme.vaccinate.example',
  'DTSTART:20260303T080000Z',
  'DTEND:20260303T081500Z',
  'SUMMARY:Impfung',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

/** A two-dose booking: 3 March 09:00 and 31 March 10:30 Berlin time (CET, then CEST). */
export function sendMailRequest(overrides: Partial<BookingMailRequest> = {}): BookingMailRequest {
  return {
    template: 'booking-confirmation',
    locale: 'de',
    tenant: {
      displayName: 'Acme Chemie GmbH',
      publicUrl: 'https://acme.vaccinate.example',
      branding: { primaryColor: '#0a5c8a', accentColor: '#c0392b' },
    },
    to: { email: 'erika.mustermann@acme.example', name: 'Erika Mustermann' },
    data: {
      bookingCode: 'K7M-4Q2X',
      productName: 'Comirnaty',
      appointments: [
        {
          doseNumber: 1,
          startsAt: '2026-03-03T08:00:00.000Z',
          endsAt: '2026-03-03T08:15:00.000Z',
          siteName: 'Werksarztzentrum Tor 3',
          siteAddress: 'Industriestraße 7, 67063 Ludwigshafen',
          status: 'booked',
        },
        {
          doseNumber: 2,
          startsAt: '2026-03-31T08:30:00.000Z',
          endsAt: '2026-03-31T08:45:00.000Z',
          siteName: 'Werksarztzentrum Tor 3',
          siteAddress: 'Industriestraße 7, 67063 Ludwigshafen',
          status: 'booked',
        },
      ],
      manageUrl: 'https://acme.vaccinate.example/booking/manage#m4n4g3-t0k3n',
    },
    attachments: [{ filename: 'impftermine.ics', contentType: 'text/calendar; charset=utf-8', contentBase64: Buffer.from(ICS_FILE).toString('base64') }],
    ...overrides,
  };
}

export function validSendMailRequest(overrides: Partial<BookingMailRequest> = {}): ValidBookingMailRequest {
  const request = sendMailRequest(overrides);
  return { ...request, tenant: { ...request.tenant, timeZone: request.tenant.timeZone ?? 'Europe/Berlin' } };
}

/** A booster's certificate link; the token stands in as a long fragment. */
export function certificateMailRequest(overrides: Partial<CertificateMailRequest['data']> = {}, locale: 'de' | 'en' = 'de'): ValidCertificateMailRequest {
  return {
    template: 'certificate-issued',
    locale,
    tenant: {
      displayName: 'Acme Chemie GmbH',
      publicUrl: 'https://acme.vaccinate.example',
      timeZone: 'Europe/Berlin',
      branding: { primaryColor: '#0a5c8a', accentColor: '#c0392b' },
    },
    to: { email: 'erika.mustermann@acme.example', name: 'Erika Mustermann' },
    data: {
      certificateUrl: `https://acme.vaccinate.example/certificate#${'eyJhbGciOiJkaXIi'.repeat(200)}`,
      productName: 'Comirnaty',
      doseNumber: 3,
      seriesDoses: 3,
      vaccinationDate: '2026-03-02',
      validUntil: '2027-03-02T09:00:00.000Z',
      replacesEarlier: false,
      ...overrides,
    },
  };
}
