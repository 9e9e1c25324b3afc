import type { CertificateLocale } from '../certificate/certificate-request';

export interface CertificateTexts {
  title: string;
  subject: string;
  issuedBy: string;
  personHeading: string;
  name: string;
  birthDate: string;
  dosesHeading: string;
  product: string;
  manufacturer: string;
  /** The dose table's first column, whose cells say which dose a row is. */
  doseColumn: string;
  dose: (number: number, total: number) => string;
  date: string;
  country: string;
  lot: string;
  vaccinatedBy: string;
  certificateId: string;
  codesHeading: string;
  hc1Heading: string;
  hc1Alt: string;
  shcHeading: string;
  shcAlt: string;
  footer: string;
}

export const CERTIFICATE_TEXTS: Record<CertificateLocale, CertificateTexts> = {
  de: {
    title: 'Impfzertifikat',
    subject: 'Nachweis über durchgeführte Schutzimpfungen',
    issuedBy: 'Ausgestellt von',
    personHeading: 'Geimpfte Person',
    name: 'Name',
    birthDate: 'Geburtsdatum',
    dosesHeading: 'Impfungen',
    product: 'Impfstoff',
    manufacturer: 'Hersteller',
    doseColumn: 'Dosis',
    dose: (number, total) => `Dosis ${number} von ${total}`,
    date: 'Datum der Impfung',
    country: 'Land der Impfung',
    lot: 'Charge',
    vaccinatedBy: 'Geimpft von',
    certificateId: 'Zertifikatkennung',
    codesHeading: 'QR-Codes zur Prüfung',
    hc1Heading: 'Digitales COVID-Zertifikat der EU',
    hc1Alt: 'QR-Code des digitalen COVID-Zertifikats der EU mit den auf diesem Zertifikat aufgeführten Impfungen, lesbar mit Prüf-Apps.',
    shcHeading: 'SMART Health Card',
    shcAlt: 'QR-Code der SMART Health Card mit den auf diesem Zertifikat aufgeführten Impfungen, lesbar mit SMART-Health-Card-Apps.',
    footer: 'Die QR-Codes sind vom Aussteller digital signiert. Prüf-Apps zeigen, ob Signatur und Inhalt gültig sind.',
  },
  en: {
    title: 'Vaccination certificate',
    subject: 'Record of vaccinations given',
    issuedBy: 'Issued by',
    personHeading: 'Vaccinated person',
    name: 'Name',
    birthDate: 'Date of birth',
    dosesHeading: 'Vaccinations',
    product: 'Vaccine',
    manufacturer: 'Manufacturer',
    doseColumn: 'Dose',
    dose: (number, total) => `Dose ${number} of ${total}`,
    date: 'Date of vaccination',
    country: 'Country of vaccination',
    lot: 'Lot',
    vaccinatedBy: 'Vaccinated by',
    certificateId: 'Certificate identifier',
    codesHeading: 'QR codes for verification',
    hc1Heading: 'EU Digital COVID Certificate',
    hc1Alt: 'QR code of the EU Digital COVID Certificate with the vaccinations listed on this certificate, readable with verifier apps.',
    shcHeading: 'SMART Health Card',
    shcAlt: 'QR code of the SMART Health Card with the vaccinations listed on this certificate, readable with SMART Health Card apps.',
    footer: 'The QR codes are digitally signed by the issuer. Verifier apps show whether signature and content are valid.',
  },
};

/** `2021-05-01` as the locale writes it, read as a calendar date (no time zone shift). */
export function formatDate(isoDate: string, locale: CertificateLocale): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** `DE` -> `Deutschland` / `Germany`; the code itself when the runtime does not know it. */
export function countryName(code: string, locale: CertificateLocale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
