import { describe, expect, it } from 'vitest';
import { SendMailRequest } from './mail-message';
import { validateSendMailRequest } from './mail-message.validation';

function validRequest(): SendMailRequest {
  return {
    template: 'booking-confirmation',
    locale: 'de',
    tenant: {
      displayName: 'Acme GmbH',
      publicUrl: 'https://acme.vaccinate.example',
      branding: { primaryColor: '#0a5c8a', accentColor: '#e5a00d' },
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
          siteName: 'Werksarztzentrum',
          siteAddress: 'Hauptstraße 1, 10115 Berlin',
          status: 'booked',
        },
      ],
      manageUrl: 'https://acme.vaccinate.example/booking/manage#token',
    },
  };
}

describe('validateSendMailRequest', () => {
  it('accepts a complete request and defaults the time zone to Europe/Berlin', () => {
    const result = validateSendMailRequest(validRequest());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.tenant.timeZone).toBe('Europe/Berlin');
  });

  it('names every bad field and never repeats the values', () => {
    // Deliberately malformed input, so the typed shape is given up here.
    const request = validRequest() as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    request['template'] = 'newsletter';
    request['locale'] = 'fr';
    request['tenant'].branding.primaryColor = 'red';
    request['tenant'].timeZone = 'Mars/Olympus';
    request['to'] = { email: 'erika.mustermann@', name: 'Erika Mustermann' };
    request['data'].manageUrl = 'javascript:alert(1)';
    request['data'].appointments[0].endsAt = '2026-03-03T07:00:00.000Z';
    const result = validateSendMailRequest(request);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field).sort()).toEqual(
      ['data.appointments.0.endsAt', 'data.manageUrl', 'locale', 'template', 'tenant.branding.primaryColor', 'tenant.timeZone', 'to.email'].sort(),
    );
    const text = JSON.stringify(result.errors);
    for (const secret of ['erika', 'Mustermann', 'newsletter', 'javascript', 'Olympus']) expect(text).not.toContain(secret);
  });

  it('reports missing fields as required', () => {
    const result = validateSendMailRequest({ template: 'booking-cancelled', locale: 'en' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { field: 'tenant', message: 'is required' },
        { field: 'to', message: 'is required' },
        { field: 'data', message: 'is required' },
      ]),
    );
  });

  it('refuses a header line break in a name and a path in an attachment name', () => {
    const request = validRequest();
    request.to.name = 'Erika\r\nBcc: someone@example.com';
    request.attachments = [{ filename: '../booking.ics', contentType: 'text/calendar', contentBase64: 'QkVHSU4=' }];
    const result = validateSendMailRequest(request);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field).sort()).toEqual(['attachments.0.filename', 'to.name']);
  });

  it('refuses a body that is not an object', () => {
    expect(validateSendMailRequest('hello')).toEqual({ ok: false, errors: [{ field: '(body)', message: 'must be an object' }] });
  });
});

describe('validateSendMailRequest for certificate mails', () => {
  const certificateRequest = {
    template: 'certificate-issued',
    locale: 'en',
    tenant: { displayName: 'Acme GmbH', publicUrl: 'https://acme.vaccinate.example', branding: { primaryColor: '#0a5c8a', accentColor: '#e5a00d' } },
    to: { email: 'erika@acme.example', name: 'Erika Mustermann' },
    data: {
      certificateUrl: `https://acme.vaccinate.example/certificate#${'a'.repeat(5000)}`,
      productName: 'Comirnaty',
      doseNumber: 3,
      seriesDoses: 3,
      vaccinationDate: '2026-03-02',
      validUntil: '2027-03-02T10:00:00.000Z',
      replacesEarlier: false,
    },
  };

  it('accepts a long link with the token in the fragment', () => {
    expect(validateSendMailRequest(certificateRequest).ok).toBe(true);
  });

  it('refuses a token in the query string and booking data under the certificate template', () => {
    const inQuery = { ...certificateRequest, data: { ...certificateRequest.data, certificateUrl: 'https://acme.vaccinate.example/certificate?token=abc' } };
    expect(validateSendMailRequest(inQuery)).toEqual({
      ok: false,
      errors: [{ field: 'data.certificateUrl', message: 'must be an http(s) URL carrying the token or its reference in the fragment, not the query' }],
    });
    const result = validateSendMailRequest({ ...certificateRequest, data: { bookingCode: 'K7M-4Q2X' } });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(expect.arrayContaining(['data.certificateUrl', 'data.vaccinationDate']));
  });
});

describe('the mail request contract', () => {
  it('is JSON Schema, one variant per kind of data, as the OpenAPI of the mailer would carry it', () => {
    const schema = JSON.parse(JSON.stringify(SendMailRequest.schema)) as { anyOf: { properties: { data: { required: string[] } } }[] };
    expect(schema.anyOf.map((variant) => variant.properties.data.required[0])).toEqual(['bookingCode', 'certificateUrl', 'trackingCode', 'linkUrl', 'accessUrl']);
  });

  it('refuses a field it does not declare, such as a header of its own', () => {
    expect(validateSendMailRequest({ ...validRequest(), bcc: 'someone@example.com' })).toEqual({
      ok: false,
      errors: [{ field: 'bcc', message: 'is not an accepted field' }],
    });
  });
});

describe('validateSendMailRequest: staff account links', () => {
  const staffRequest = (linkUrl: string) => {
    const { tenant, to, locale } = validRequest();
    return { template: 'password-reset', locale, tenant, to, data: { linkUrl, expiresAt: '2026-03-03T08:30:00.000Z' } };
  };

  it('accepts a link whose token is in the fragment', () => {
    expect(validateSendMailRequest(staffRequest('https://acme.vaccinate.example/staff/password#abc')).ok).toBe(true);
  });

  it('refuses a link that carries the token in the query, where servers log it', () => {
    const result = validateSendMailRequest(staffRequest('https://acme.vaccinate.example/staff/password?token=abc'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.field)).toEqual(['data.linkUrl']);
  });
});
