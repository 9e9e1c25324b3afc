import {
  CERTIFICATE_MAIL_TEMPLATE,
  DATA_ACCESS_MAIL_TEMPLATE,
  REGISTRATION_MAIL_TEMPLATE,
  STAFF_MAIL_TEMPLATES,
  type ValidBookingMailRequest,
  type ValidCertificateMailRequest,
  type ValidDataAccessMailRequest,
  type ValidRegistrationMailRequest,
  type ValidSendMailRequest,
  type ValidStaffMailRequest,
} from '@vaccinate/mail-contracts';
import mjml2html from 'mjml';
import { certificateMailMjml, certificateMailText } from './certificate-mail.mjml';
import { buildCertificateMailView } from './certificate-mail.view';
import { buildBookingMailView } from './booking-mail.view';
import { bookingMailMjml } from './booking-mail.mjml';
import { bookingMailText } from './booking-mail.text';
import { checkInQrPng } from './check-in-qr.util';
import { buildDataAccessMailView, dataAccessMailMjml, dataAccessMailText } from './data-access-mail';
import { registrationMailMjml, registrationMailText } from './registration-mail.mjml';
import { buildRegistrationMailView } from './registration-mail.view';
import { staffMailMjml, staffMailText } from './staff-mail.mjml';
import { buildStaffMailView } from './staff-mail.view';

export interface InlineImage {
  contentId: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  inlineImages: InlineImage[];
}

// Plain letters: Mailjet's ContentID and every mail client accept it.
const QR_CONTENT_ID = 'check-in-qr';

export class TemplateRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateRenderError';
  }
}

/** Renders a validated message to subject, HTML (MJML) and text, with the check-in QR as an inline image. */
export async function renderMail(request: ValidSendMailRequest, now: Date = new Date()): Promise<RenderedMail> {
  if (request.template === CERTIFICATE_MAIL_TEMPLATE) return renderCertificateMail(request);
  if (request.template === REGISTRATION_MAIL_TEMPLATE) return renderRegistrationMail(request);
  if (isStaffMail(request)) return renderStaffMail(request);
  if (request.template === DATA_ACCESS_MAIL_TEMPLATE) return renderDataAccessMail(request);
  return renderBookingMail(request, now);
}

async function renderBookingMail(request: ValidBookingMailRequest, now: Date): Promise<RenderedMail> {
  const view = buildBookingMailView(request, now);
  const inlineImages: InlineImage[] = view.showCheckIn
    ? [{ contentId: QR_CONTENT_ID, filename: 'check-in-qr.png', contentType: 'image/png', content: await checkInQrPng(view.bookingCode) }]
    : [];
  // Strict validation: a template mistake fails loudly (and at boot, by the warm-up render) instead of sending a broken mail.
  const result = await mjml2html(bookingMailMjml(view, view.showCheckIn ? QR_CONTENT_ID : null), { validationLevel: 'strict' });
  if (result.errors.length > 0) {
    throw new TemplateRenderError(`MJML errors in ${view.template}: ${result.errors.map((error) => error.formattedMessage).join('; ')}`);
  }
  return { subject: view.subject, html: result.html, text: bookingMailText(view), inlineImages };
}

/** The certificate link mail: no images, the link carries the encrypted certificate. */
async function renderCertificateMail(request: ValidCertificateMailRequest): Promise<RenderedMail> {
  const view = buildCertificateMailView(request);
  const result = await mjml2html(certificateMailMjml(view), { validationLevel: 'strict' });
  if (result.errors.length > 0) {
    throw new TemplateRenderError(`MJML errors in ${request.template}: ${result.errors.map((error) => error.formattedMessage).join('; ')}`);
  }
  return { subject: view.subject, html: result.html, text: certificateMailText(view), inlineImages: [] };
}

/** The waiting list's receipt: tracking code and status link, no images. */
async function renderRegistrationMail(request: ValidRegistrationMailRequest): Promise<RenderedMail> {
  const view = buildRegistrationMailView(request);
  const result = await mjml2html(registrationMailMjml(view), { validationLevel: 'strict' });
  if (result.errors.length > 0) {
    throw new TemplateRenderError(`MJML errors in ${request.template}: ${result.errors.map((error) => error.formattedMessage).join('; ')}`);
  }
  return { subject: view.subject, html: result.html, text: registrationMailText(view), inlineImages: [] };
}

function isStaffMail(request: ValidSendMailRequest): request is ValidStaffMailRequest {
  return (STAFF_MAIL_TEMPLATES as readonly string[]).includes(request.template);
}

/** A staff account's invitation or password reset: the single-use link, no images. */
async function renderStaffMail(request: ValidStaffMailRequest): Promise<RenderedMail> {
  const view = buildStaffMailView(request);
  const result = await mjml2html(staffMailMjml(view), { validationLevel: 'strict' });
  if (result.errors.length > 0) {
    throw new TemplateRenderError(`MJML errors in ${request.template}: ${result.errors.map((error) => error.formattedMessage).join('; ')}`);
  }
  return { subject: view.subject, html: result.html, text: staffMailText(view), inlineImages: [] };
}

async function renderDataAccessMail(request: ValidDataAccessMailRequest): Promise<RenderedMail> {
  const view = buildDataAccessMailView(request);
  const result = await mjml2html(dataAccessMailMjml(view), { validationLevel: 'strict' });
  if (result.errors.length > 0) throw new TemplateRenderError(`MJML errors in data-access-link: ${result.errors.map((error) => error.formattedMessage).join('; ')}`);
  return { subject: view.texts.subject, html: result.html, text: dataAccessMailText(view), inlineImages: [] };
}
