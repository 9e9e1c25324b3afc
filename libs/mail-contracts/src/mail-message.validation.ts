import type { FieldProblem } from '@vaccinate/api-contracts';
import {
  BookingMailRequest,
  CERTIFICATE_MAIL_TEMPLATE,
  CertificateMailRequest,
  DATA_ACCESS_MAIL_TEMPLATE,
  DataAccessMailRequest,
  DEFAULT_MAIL_TIME_ZONE,
  type MailFieldProblem,
  REGISTRATION_MAIL_TEMPLATE,
  RegistrationMailRequest,
  STAFF_MAIL_TEMPLATES,
  StaffMailRequest,
  type ValidSendMailRequest,
} from './mail-message';

export type SendMailRequestValidation = { ok: true; value: ValidSendMailRequest } | { ok: false; errors: MailFieldProblem[] };

/** What JSON Schema cannot say: each appointment ends after it starts. */
function appointmentOrderProblems(body: unknown): FieldProblem[] {
  const appointments = (body as { data?: { appointments?: unknown } } | null)?.data?.appointments;
  if (!Array.isArray(appointments)) return [];
  return appointments.flatMap((appointment: unknown, index) => {
    const { startsAt, endsAt } = (appointment ?? {}) as { startsAt?: unknown; endsAt?: unknown };
    if (typeof startsAt !== 'string' || typeof endsAt !== 'string') return [];
    const starts = Date.parse(startsAt);
    const ends = Date.parse(endsAt);
    return ends > starts || Number.isNaN(starts) || Number.isNaN(ends)
      ? []
      : [{ field: `data.appointments.${index}.endsAt`, message: 'must end after it starts', rule: 'order' }];
  });
}

/**
 * Validates a `POST /v1/messages` body with the contract its template selects (booking data for an
 * unknown template, so the problems name the template and the data). The API runs it before it
 * writes an outbox row, so a message the mailer would refuse is caught in the request that made it.
 */
export function validateSendMailRequest(body: unknown): SendMailRequestValidation {
  const template = (body as { template?: unknown } | null)?.template;
  const checked =
    template === CERTIFICATE_MAIL_TEMPLATE
      ? CertificateMailRequest.validate(body)
      : template === REGISTRATION_MAIL_TEMPLATE
        ? RegistrationMailRequest.validate(body)
        : (STAFF_MAIL_TEMPLATES as readonly unknown[]).includes(template)
          ? StaffMailRequest.validate(body)
          : template === DATA_ACCESS_MAIL_TEMPLATE
            ? DataAccessMailRequest.validate(body)
            : BookingMailRequest.validate(body);
  const order = appointmentOrderProblems(body);
  if (checked.ok && order.length === 0) {
    const request = checked.value;
    return { ok: true, value: { ...request, tenant: { ...request.tenant, timeZone: request.tenant.timeZone ?? DEFAULT_MAIL_TIME_ZONE } } };
  }
  const problems = checked.ok ? order : [...checked.problems, ...order.filter(({ field }) => !checked.problems.some((problem) => problem.field === field))];
  // The mailer names the body itself `(body)`, as its JSON reader does.
  return { ok: false, errors: problems.map(({ field, message }) => ({ field: field === 'body' ? '(body)' : field, message })) };
}
