import type { MailLocale, StaffMailTemplate } from '@vaccinate/mail-contracts';

export interface StaffMailTexts {
  subject(tenantName: string): string;
  heading: string;
  intro(tenantName: string): string;
  button: string;
  validUntil(when: string): string;
  linkHelp: string;
  notYou: string;
}

const de: Record<StaffMailTemplate, StaffMailTexts> = {
  'staff-invitation': {
    subject: (tenant) => `Einladung zum Mitarbeiterzugang: ${tenant}`,
    heading: 'Sie haben einen Mitarbeiterzugang',
    intro: (tenant) => `für Sie wurde ein Zugang zur Impfverwaltung von ${tenant} angelegt. Wählen Sie Ihr Passwort, um ihn zu nutzen.`,
    button: 'Passwort festlegen',
    validUntil: (when) => `Der Link gilt einmal und bis ${when}.`,
    linkHelp: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
    notYou: 'Wenn Sie diese Einladung nicht erwartet haben, können Sie die E-Mail ignorieren.',
  },
  'password-reset': {
    subject: (tenant) => `Neues Passwort festlegen: ${tenant}`,
    heading: 'Neues Passwort festlegen',
    intro: (tenant) => `für Ihren Mitarbeiterzugang bei ${tenant} wurde ein neues Passwort angefordert.`,
    button: 'Neues Passwort festlegen',
    validUntil: (when) => `Der Link gilt einmal und bis ${when}.`,
    linkHelp: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
    notYou: 'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt, wie es ist.',
  },
};

const en: Record<StaffMailTemplate, StaffMailTexts> = {
  'staff-invitation': {
    subject: (tenant) => `Your staff account invitation: ${tenant}`,
    heading: 'You have a staff account',
    intro: (tenant) => `an account for the vaccination management of ${tenant} was created for you. Choose your password to start using it.`,
    button: 'Set my password',
    validUntil: (when) => `The link works once, until ${when}.`,
    linkHelp: 'If the button does not work, copy this link into your browser:',
    notYou: 'If you did not expect this invitation, you can ignore this e-mail.',
  },
  'password-reset': {
    subject: (tenant) => `Set a new password: ${tenant}`,
    heading: 'Set a new password',
    intro: (tenant) => `a new password was asked for your staff account at ${tenant}.`,
    button: 'Set a new password',
    validUntil: (when) => `The link works once, until ${when}.`,
    linkHelp: 'If the button does not work, copy this link into your browser:',
    notYou: 'If you did not ask for this, ignore this e-mail; your password stays as it is.',
  },
};

export const STAFF_MAIL_TEXTS: Record<MailLocale, Record<StaffMailTemplate, StaffMailTexts>> = { de, en };
