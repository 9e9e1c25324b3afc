import type { ValidSendMailRequest } from '@vaccinate/mail-contracts';
import mjml2html from 'mjml';
import { buildBookingMailView } from './booking-mail.view';
import { bookingMailMjml } from './booking-mail.mjml';
import { bookingMailText } from './booking-mail.text';
import { checkInQrPng } from './check-in-qr.util';

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
