import {
  CERTIFICATE_MAIL_TEMPLATE,
  DATA_ACCESS_MAIL_TEMPLATE,
  REGISTRATION_MAIL_TEMPLATE,
  STAFF_MAIL_TEMPLATES,
  type StaffMailTemplate,
  type ValidSendMailRequest,
} from '@vaccinate/mail-contracts';

/** Rendered once at boot so MJML is loaded and every template proven valid before the pod is ready. */
export function warmUpMessage(template: ValidSendMailRequest['template'], locale: ValidSendMailRequest['locale']): ValidSendMailRequest {
  const common = {
    locale,
    tenant: {
      displayName: 'Warm-up',
      publicUrl: 'https://warm-up.invalid',
      timeZone: 'Europe/Berlin',
      branding: { primaryColor: '#20344c', accentColor: '#0b5cad' },
    },
    to: { email: 'warm-up@warm-up.invalid', name: 'Warm-up' },
  };
  if (template === REGISTRATION_MAIL_TEMPLATE) {
    return { ...common, template, data: { trackingCode: 'RWRM-UP00-00', statusUrl: 'https://warm-up.invalid/registration/status#RWRM-UP00-00', productName: 'Warm-up' } };
  }
  if (isStaffTemplate(template)) {
    return {
      ...common,
      template,
      data: { linkUrl: 'https://warm-up.invalid/staff/password#warm-up', expiresAt: '2026-01-01T00:00:00.000Z' },
    };
  }
  if (template === DATA_ACCESS_MAIL_TEMPLATE) {
    return { ...common, template, data: { accessUrl: 'https://warm-up.invalid/my-data#token=warm-up', validUntil: '2027-01-01T00:00:00.000Z' } };
  }
  if (template === CERTIFICATE_MAIL_TEMPLATE) {
    return {
      ...common,
      template,
      data: {
        certificateUrl: 'https://warm-up.invalid/certificate#warm-up',
        productName: 'Warm-up',
        doseNumber: 1,
        seriesDoses: 2,
        vaccinationDate: '2026-01-01',
        validUntil: '2027-01-01T00:00:00.000Z',
        replacesEarlier: false,
      },
    };
  }
  return {
    ...common,
    template,
    data: {
      bookingCode: 'WARM-UP',
      productName: 'Warm-up',
      appointments: [
        {
          doseNumber: 1,
          startsAt: '2026-01-01T08:00:00.000Z',
          endsAt: '2026-01-01T08:15:00.000Z',
          siteName: 'Warm-up',
          siteAddress: 'Warm-up',
          status: template === 'booking-cancelled' ? 'cancelled' : 'booked',
        },
      ],
      manageUrl: 'https://warm-up.invalid/manage',
      reason: 'Warm-up',
    },
  };
}

function isStaffTemplate(template: string): template is StaffMailTemplate {
  return (STAFF_MAIL_TEMPLATES as readonly string[]).includes(template);
}
