import type { OutboxPayload } from '../outbox/outbox.repository';
import type { HolderFacts } from './certificate-facts';

/** Why a certificate mail is sent: a new dose, a request, or a correction that replaced an earlier certificate. */
export type CertificateOccasion = 'documented' | 'requested' | 'corrected';

/**
 * The short link of the mail: an opaque reference (no personal data) the page exchanges for the
 * token until the certificate expires. It travels in the fragment, so no access log holds it.
 */
export function certificateUrl(publicUrl: string, reference: string): string {
  return `${publicUrl}/certificate#ref=${reference}`;
}

/** The outbox message that brings the holder their certificate link. */
export function certificateMail(input: {
  holder: HolderFacts;
  locale: 'de' | 'en';
  publicUrl: string;
  /** The short link's reference (see `certificateUrl`). */
  reference: string;
  productName: string;
  doseNumber: number;
  seriesDoses: number;
  date: string;
  expiresAt: Date;
  occasion: CertificateOccasion;
}): OutboxPayload {
  return {
    template: 'certificate-issued',
    locale: input.locale,
    to: { email: input.holder.email, name: `${input.holder.givenName} ${input.holder.familyName}` },
    data: {
      certificateUrl: certificateUrl(input.publicUrl, input.reference),
      productName: input.productName,
      doseNumber: input.doseNumber,
      seriesDoses: input.seriesDoses,
      vaccinationDate: input.date,
      validUntil: input.expiresAt.toISOString(),
      replacesEarlier: input.occasion === 'corrected',
    },
  };
}
