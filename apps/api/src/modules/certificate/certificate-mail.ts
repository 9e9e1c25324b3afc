import type { OutboxPayload } from '../outbox/outbox.repository';
import type { HolderFacts } from './certificate-facts';

/** Why a certificate mail is sent: a new dose, a request, or a correction that replaced an earlier certificate. */
export type CertificateOccasion = 'documented' | 'requested' | 'corrected';

export function certificateUrl(publicUrl: string, token: string): string {
  // The token travels in the fragment: browsers never send it to a server, so no access log holds it.
  return `${publicUrl}/certificate#${token}`;
}

/** The outbox message that brings the holder their certificate link. */
export function certificateMail(input: {
  holder: HolderFacts;
  locale: 'de' | 'en';
  publicUrl: string;
  token: string;
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
      certificateUrl: certificateUrl(input.publicUrl, input.token),
      productName: input.productName,
      doseNumber: input.doseNumber,
      seriesDoses: input.seriesDoses,
      vaccinationDate: input.date,
      validUntil: input.expiresAt.toISOString(),
      replacesEarlier: input.occasion === 'corrected',
    },
  };
}
