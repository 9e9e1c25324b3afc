import type { MailLocale } from '@vaccinate/mail-contracts';

export interface RegistrationTexts {
  subject(trackingCode: string): string;
  heading: string;
  intro(productName: string | undefined): string;
  codeLabel: string;
  keepCode: string;
  button: string;
  statusHelp: string;
  linkHelp: string;
  nextSteps: string;
}

const de: RegistrationTexts = {
  subject: (code) => `Sie stehen auf der Warteliste: Code ${code}`,
  heading: 'Sie stehen auf der Warteliste',
  intro: (product) =>
    product
      ? `vielen Dank für Ihre Anmeldung zur Impfung mit ${product}. Sobald ein Termin für Sie frei ist, bekommen Sie eine E-Mail mit Ihrem Termin.`
      : 'vielen Dank für Ihre Anmeldung zur Impfung. Sobald ein Termin für Sie frei ist, bekommen Sie eine E-Mail mit Ihrem Termin.',
  codeLabel: 'Ihr Anmeldecode',
  keepCode: 'Bewahren Sie diesen Code auf. Mit ihm und Ihrem Geburtsdatum sehen Sie jederzeit, wo Sie auf der Warteliste stehen, und können sich wieder abmelden.',
  button: 'Stand meiner Anmeldung',
  statusHelp: 'Auf dieser Seite sehen Sie den Stand Ihrer Anmeldung:',
  linkHelp: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
  nextSteps: 'Sie müssen nichts weiter tun.',
};

const en: RegistrationTexts = {
  subject: (code) => `You are on the waiting list: code ${code}`,
  heading: 'You are on the waiting list',
  intro: (product) =>
    product
      ? `thank you for registering for vaccination with ${product}. As soon as an appointment is free for you, you will get an e-mail with it.`
      : 'thank you for registering for vaccination. As soon as an appointment is free for you, you will get an e-mail with it.',
  codeLabel: 'Your tracking code',
  keepCode: 'Keep this code. With it and your date of birth you can see where you are on the waiting list at any time, and leave it.',
  button: 'My registration',
  statusHelp: 'This page shows where your registration stands:',
  linkHelp: 'If the button does not work, copy this link into your browser:',
  nextSteps: 'There is nothing else you need to do.',
};

export const REGISTRATION_TEXTS: Record<MailLocale, RegistrationTexts> = { de, en };
