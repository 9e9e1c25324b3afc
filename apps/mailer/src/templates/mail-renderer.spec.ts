import { BOOKING_MAIL_TEMPLATES } from '@vaccinate/mail-contracts';
import { describe, expect, it } from 'vitest';
import { certificateMailRequest, validSendMailRequest } from '../../test/support/send-mail-request.fixture';
import { renderMail } from './mail-renderer';

const BEFORE_BOTH = new Date('2026-03-01T12:00:00Z');

describe('renderMail', () => {
  it('renders a German confirmation in Berlin time with the tenant branding', async () => {
    const mail = await renderMail(validSendMailRequest(), BEFORE_BOTH);
    expect(mail.subject).toBe('Buchungsbestätigung: Comirnaty, Buchung K7M-4Q2X');
    expect(mail.html).toMatch(/<html[^>]* lang="de"/);
    expect(mail.html).toContain('#0a5c8a');
    expect(mail.html).toContain('alt="QR-Code für den Check-in mit dem Buchungscode K7M-4Q2X"');
    expect(mail.html).toContain('src="cid:check-in-qr"');
    // 08:00Z is 09:00 in winter time; 31 March 08:30Z is 10:30 in summer time.
    expect(mail.text).toContain('Dienstag, 3. März 2026, 09:00–09:15 Uhr');
    expect(mail.text).toContain('Dienstag, 31. März 2026, 10:30–10:45 Uhr');
    expect(mail.text).toContain('Buchungscode: K7M-4Q2X');
    expect(mail.text).toContain('Kalenderdatei (.ics)');
    expect(mail.text).toContain('https://acme.vaccinate.example/booking/manage#m4n4g3-t0k3n');
    expect(mail.inlineImages).toHaveLength(1);
    expect(mail.inlineImages[0]?.content.subarray(1, 4).toString()).toBe('PNG');
  });

  it('renders English texts and another time zone when the tenant has one', async () => {
    const request = validSendMailRequest({ locale: 'en' });
    request.tenant.timeZone = 'Europe/London';
    const mail = await renderMail(request, BEFORE_BOTH);
    expect(mail.subject).toBe('Booking confirmed: Comirnaty, booking K7M-4Q2X');
    expect(mail.html).toMatch(/<html[^>]* lang="en"/);
    expect(mail.text).toContain('Tuesday, 3 March 2026, 08:00–08:15');
    expect(mail.text).toContain('Hello Erika Mustermann,');
  });

  it('says which appointments were cancelled and why, without a check-in code', async () => {
    const request = validSendMailRequest({ template: 'booking-cancelled', locale: 'en', attachments: [] });
    request.data.appointments[1]!.status = 'cancelled';
    request.data.reason = 'The vaccination day was cancelled by the company doctor.';
    const mail = await renderMail(request, BEFORE_BOTH);
    expect(mail.subject).toBe('Appointment cancelled: Comirnaty, booking K7M-4Q2X');
    expect(mail.text).toMatch(/Cancelled appointments\n-+\nDose 2 \(cancelled\)\n {2}Tuesday, 31 March 2026/);
    expect(mail.text).toMatch(/Appointments still booked\n-+\nDose 1\n/);
    expect(mail.text).toContain('Reason: The vaccination day was cancelled by the company doctor.');
    expect(mail.inlineImages).toEqual([]);
    expect(mail.html).not.toContain('cid:');
  });

  it('offers a new booking when every appointment was cancelled', async () => {
    const request = validSendMailRequest({ template: 'booking-cancelled' });
    for (const appointment of request.data.appointments) appointment.status = 'cancelled';
    const mail = await renderMail(request, BEFORE_BOTH);
    expect(mail.html).toContain('Neuen Termin buchen');
    expect(mail.text).toContain('Einen neuen Termin können Sie hier buchen:\nhttps://acme.vaccinate.example\n');
    expect(mail.text).not.toContain('/booking/manage');
    expect(mail.text).not.toContain('Weiterhin gebuchte Termine');
  });

  it('reminds of the next appointment still ahead', async () => {
    const request = validSendMailRequest({ template: 'appointment-reminder' });
    const mail = await renderMail(request, new Date('2026-03-30T12:00:00Z'));
    expect(mail.subject).toBe('Erinnerung: Ihr Impftermin am Dienstag, 31. März 2026 um 10:30 Uhr');
    expect(mail.text).toContain('Lichtbildausweis');
  });

  it('escapes every request value in the HTML', async () => {
    const request = validSendMailRequest();
    request.tenant.displayName = 'Acme <script>alert(1)</script>';
    request.to.name = '<img src=x onerror=alert(1)>';
    request.data.appointments[0]!.siteName = '"><b>site</b>';
    const mail = await renderMail(request, BEFORE_BOTH);
    expect(mail.html).not.toContain('<script>alert(1)');
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).not.toContain('<b>site</b>');
    expect(mail.html).toContain('Acme &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('uses the logo with the company name as alt text when given', async () => {
    const request = validSendMailRequest();
    request.tenant.branding.logoUrl = 'https://cdn.acme.example/logo.png';
    const mail = await renderMail(request, BEFORE_BOTH);
    expect(mail.html).toMatch(
      /<img[^>]*alt="Acme Chemie GmbH"[^>]*src="https:\/\/cdn\.acme\.example\/logo\.png"|<img[^>]*src="https:\/\/cdn\.acme\.example\/logo\.png"[^>]*alt="Acme Chemie GmbH"/,
    );
  });

  it.each(BOOKING_MAIL_TEMPLATES.flatMap((template) => (['de', 'en'] as const).map((locale) => [template, locale] as const)))(
    'renders %s in %s with a subject, HTML and text',
    async (template, locale) => {
      const mail = await renderMail(validSendMailRequest({ template, locale }), BEFORE_BOTH);
      expect(mail.subject.length).toBeGreaterThan(10);
      expect(mail.html).toContain(`lang="${locale}"`);
      expect(mail.text).toContain('Werksarztzentrum Tor 3');
      expect(mail.html).toContain('Werksarztzentrum Tor 3');
    },
  );

  it('renders the certificate link mail in German with the whole link and no images', async () => {
    const request = certificateMailRequest();
    const mail = await renderMail(request);
    expect(mail.subject).toBe('Ihr Impfzertifikat: Comirnaty, Dosis 3/3');
    expect(mail.html).toMatch(/<html[^>]* lang="de"/);
    expect(mail.html).toContain(`href="${request.data.certificateUrl}"`);
    expect(mail.text).toContain('am 2. März 2026 ist dokumentiert');
    expect(mail.text).toContain('Der Link ist gültig bis 2. März 2027.');
    expect(mail.text).toContain(request.data.certificateUrl);
    expect(mail.inlineImages).toEqual([]);
  });

  it('says a corrected certificate replaces the revoked one, in English', async () => {
    const mail = await renderMail(certificateMailRequest({ replacesEarlier: true }, 'en'));
    expect(mail.subject).toBe('Your vaccination certificate: Comirnaty, dose 3/3');
    expect(mail.text).toContain('Your corrected vaccination certificate');
    expect(mail.text).toContain('The earlier certificate is revoked');
  });
});

describe('renderMail: the waiting list receipt', () => {
  const receipt = (locale: 'de' | 'en') => {
    const { tenant, to } = certificateMailRequest();
    return {
      template: 'registration-received' as const,
      locale,
      tenant,
      to,
      data: { trackingCode: 'R7KQ-4M2X-DZ', statusUrl: 'https://acme.vaccinate.example/registration/status#R7KQ-4M2X-DZ', productName: 'Comirnaty' },
    };
  };

  it('carries the tracking code and the status link, in German', async () => {
    const mail = await renderMail(receipt('de'));
    expect(mail.subject).toBe('Sie stehen auf der Warteliste: Code R7KQ-4M2X-DZ');
    expect(mail.html).toMatch(/<html[^>]* lang="de"/);
    expect(mail.html).toContain('href="https://acme.vaccinate.example/registration/status#R7KQ-4M2X-DZ"');
    expect(mail.text).toContain('Ihr Anmeldecode: R7KQ-4M2X-DZ');
    expect(mail.text).toContain('Impfung mit Comirnaty');
    expect(mail.inlineImages).toEqual([]);
  });

  it('says the same in English', async () => {
    const mail = await renderMail(receipt('en'));
    expect(mail.subject).toBe('You are on the waiting list: code R7KQ-4M2X-DZ');
    expect(mail.text).toContain('Your tracking code: R7KQ-4M2X-DZ');
    expect(mail.text).toContain('https://acme.vaccinate.example/registration/status#R7KQ-4M2X-DZ');
  });
});

describe('renderMail: the single-use link to the data held about the person', () => {
  const request = (locale: 'de' | 'en') => {
    const { tenant, to } = certificateMailRequest();
    return {
      template: 'data-access-link' as const,
      locale,
      tenant,
      to,
      data: { accessUrl: 'https://acme.vaccinate.example/my-data#token=abc', validUntil: '2026-03-03T09:00:00Z' },
    };
  };

  it('carries the single-use link and when it expires, in German and English', async () => {
    const german = await renderMail(request('de'));
    expect(german.subject).toBe('Ihre gespeicherten Daten');
    expect(german.html).toContain('href="https://acme.vaccinate.example/my-data#token=abc"');
    expect(german.text).toContain('Der Link funktioniert nur einmal und nur bis 3. März 2026 um 10:00.');
    const english = await renderMail(request('en'));
    expect(english.html).toMatch(/<html[^>]* lang="en"/);
    expect(english.text).toContain('The link works once, and only until 3 March 2026 at 10:00.');
  });
});

describe('renderMail: after a visit on site', () => {
  it('says what was done and shows only the appointment still ahead, with its check-in code', async () => {
    const mail = await renderMail(validSendMailRequest({ template: 'visit-summary', locale: 'en' }), new Date('2026-03-10T12:00:00Z'));
    expect(mail.subject).toBe('Your vaccination is documented: Comirnaty');
    expect(mail.text).toContain('Your next appointment');
    expect(mail.text).toContain('31 March 2026');
    expect(mail.text).not.toContain('3 March 2026');
    expect(mail.inlineImages).toHaveLength(1);
  });

  it('with nothing booked after the visit, no check-in code and a note instead', async () => {
    const mail = await renderMail(validSendMailRequest({ template: 'visit-summary', locale: 'de' }), new Date('2026-04-10T12:00:00Z'));
    expect(mail.subject).toBe('Ihre Impfung ist dokumentiert: Comirnaty');
    expect(mail.text).toContain('Ein weiterer Termin ist nicht gebucht.');
    expect(mail.text).not.toContain('Zeigen Sie diesen QR-Code');
    expect(mail.inlineImages).toEqual([]);
  });
});

describe('renderMail: staff account links', () => {
  const staffMail = (template: 'staff-invitation' | 'password-reset', locale: 'de' | 'en') => {
    const { tenant, to } = certificateMailRequest();
    return {
      template,
      locale,
      tenant,
      to,
      data: { linkUrl: 'https://acme.vaccinate.example/staff/password#0123456789abcdefghijABCDEFGHIJ-_0123456789a', expiresAt: '2026-03-05T17:30:00.000Z' },
    };
  };

  it('invites in German with the single-use link and when it expires, in the tenant zone', async () => {
    const mail = await renderMail(staffMail('staff-invitation', 'de'));
    expect(mail.subject).toMatch(/^Einladung zum Mitarbeiterzugang: /);
    expect(mail.html).toMatch(/<html[^>]* lang="de"/);
    expect(mail.html).toContain('href="https://acme.vaccinate.example/staff/password#0123456789abcdefghijABCDEFGHIJ-_0123456789a"');
    expect(mail.text).toContain('Der Link gilt einmal und bis 5. März 2026 um 18:30');
    expect(mail.inlineImages).toEqual([]);
  });

  it('sends the reset link in English and says an unasked reset changes nothing', async () => {
    const mail = await renderMail(staffMail('password-reset', 'en'));
    expect(mail.subject).toMatch(/^Set a new password: /);
    expect(mail.text).toContain('https://acme.vaccinate.example/staff/password#0123456789abcdefghijABCDEFGHIJ-_0123456789a');
    expect(mail.text).toContain('your password stays as it is');
    expect(mail.text).toContain('The link works once, until 5 March 2026 at 18:30');
  });
});
