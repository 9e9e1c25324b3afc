import type { MailLocale } from '@vaccinate/mail-contracts';

export interface CertificateTextContext {
  productName: string;
  dose: string;
  date: string;
  validUntil: string;
}

export interface CertificateTexts {
  subject(context: CertificateTextContext): string;
  heading: string;
  replacedHeading: string;
  intro(context: CertificateTextContext): string;
  replacedIntro(context: CertificateTextContext): string;
  dose(doseNumber: number, seriesDoses: number): string;
  howTo: string;
  privacy: string;
  button: string;
  linkHelp: string;
  validUntil(date: string): string;
}

const de: CertificateTexts = {
  subject: (c) => `Ihr Impfzertifikat: ${c.productName}, ${c.dose}`,
  heading: 'Ihr Impfzertifikat ist bereit',
  replacedHeading: 'Ihr berichtigtes Impfzertifikat',
  intro: (c) => `Ihre Impfung mit ${c.productName} (${c.dose}) am ${c.date} ist dokumentiert. Ihr Impfzertifikat können Sie jetzt abrufen.`,
  replacedIntro: (c) =>
    `Ihre Impfdaten wurden berichtigt. Das bisherige Zertifikat ist widerrufen und gilt nicht mehr; hier ist das neue für ${c.productName} (${c.dose}) am ${c.date}.`,
  dose: (doseNumber, seriesDoses) => `Dosis ${doseNumber}/${seriesDoses}`,
  howTo:
    'Öffnen Sie den Link und geben Sie Ihren Nachnamen, Vornamen und Ihr Geburtsdatum ein. Sie erhalten das Zertifikat als PDF mit den QR-Codes des digitalen COVID-Zertifikats der EU und der SMART Health Card.',
  privacy: 'Das Zertifikat steckt verschlüsselt im Link. Ohne Ihre Angaben kann niemand es öffnen, auch nicht mit dieser E-Mail. Bitte leiten Sie den Link nicht weiter.',
  button: 'Zertifikat abrufen',
  linkHelp: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
  validUntil: (date) => `Der Link ist gültig bis ${date}.`,
};

const en: CertificateTexts = {
  subject: (c) => `Your vaccination certificate: ${c.productName}, ${c.dose}`,
  heading: 'Your vaccination certificate is ready',
  replacedHeading: 'Your corrected vaccination certificate',
  intro: (c) => `Your vaccination with ${c.productName} (${c.dose}) on ${c.date} is documented. You can now get your vaccination certificate.`,
  replacedIntro: (c) =>
    `Your vaccination record was corrected. The earlier certificate is revoked and no longer valid; this is the new one for ${c.productName} (${c.dose}) on ${c.date}.`,
  dose: (doseNumber, seriesDoses) => `dose ${doseNumber}/${seriesDoses}`,
  howTo:
    'Open the link and enter your family name, given name and date of birth. You get the certificate as a PDF with the QR codes of the EU Digital COVID Certificate and the SMART Health Card.',
  privacy: 'The certificate is encrypted inside the link. Nobody can open it without your details, not even with this e-mail. Please do not forward the link.',
  button: 'Get my certificate',
  linkHelp: 'If the button does not work, copy this link into your browser:',
  validUntil: (date) => `The link is valid until ${date}.`,
};

export const CERTIFICATE_TEXTS: Record<MailLocale, CertificateTexts> = { de, en };
