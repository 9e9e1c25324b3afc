import type { BookingMailTemplate, MailLocale } from '@vaccinate/mail-contracts';
import type { AppointmentWhen } from './date-format.util';

export interface TextContext {
  tenant: string;
  productName: string;
  bookingCode: string;
  /** The appointment the subject is about (reminder: the next one). */
  next: AppointmentWhen;
}

interface TemplateTexts {
  subject(context: TextContext): string;
  heading: string;
  intro(context: TextContext): string;
}

export interface LocaleTexts {
  greeting(name: string): string;
  dose(doseNumber: number): string;
  time(when: AppointmentWhen): string;
  cancelledTag: string;
  cancelledHeading: string;
  stillBookedHeading: string;
  appointmentsHeading: string;
  reasonLabel: string;
  checkInHeading: string;
  checkInHelp: string;
  qrAlt(bookingCode: string): string;
  bookingCodeLabel: string;
  calendarAttached: string;
  bringAlong: string;
  manageButton: string;
  manageHelp: string;
  rebookButton: string;
  rebookHelp: string;
  automatic: string;
  /** The standby offer's button: it confirms the spare dose. */
  standbyButton: string;
  standbyHelp: string;
  /** The visit summary's section and its note when no later appointment is booked. */
  nextAppointmentHeading: string;
  noNextAppointment: string;
  templates: Record<BookingMailTemplate, TemplateTexts>;
}

const de: LocaleTexts = {
  greeting: (name) => `Hallo ${name},`,
  dose: (doseNumber) => `${doseNumber}. Impfung`,
  time: (when) => `${when.startTime}–${when.endTime} Uhr`,
  cancelledTag: 'abgesagt',
  cancelledHeading: 'Abgesagte Termine',
  stillBookedHeading: 'Weiterhin gebuchte Termine',
  appointmentsHeading: 'Ihre Termine',
  reasonLabel: 'Grund',
  checkInHeading: 'Ihr Code für den Check-in',
  checkInHelp: 'Zeigen Sie diesen QR-Code beim Check-in vor. Sie können auch den Buchungscode nennen.',
  qrAlt: (code) => `QR-Code für den Check-in mit dem Buchungscode ${code}`,
  bookingCodeLabel: 'Buchungscode',
  calendarAttached: 'Ihre Termine sind als Kalenderdatei (.ics) angehängt, damit Sie sie in Ihren Kalender übernehmen können.',
  bringAlong: 'Bitte bringen Sie einen Lichtbildausweis und, falls vorhanden, Ihren Impfausweis mit.',
  manageButton: 'Buchung verwalten',
  manageHelp: 'Über diesen Link können Sie Ihre Termine absagen oder verschieben:',
  rebookButton: 'Neuen Termin buchen',
  rebookHelp: 'Einen neuen Termin können Sie hier buchen:',
  automatic: 'Diese E-Mail wurde automatisch versendet. Bitte antworten Sie nicht darauf.',
  standbyButton: 'Impfdosis zusagen',
  standbyHelp: 'Wer zuerst zusagt, bekommt die Dosis. Das Angebot gilt nur kurz:',
  nextAppointmentHeading: 'Ihr nächster Termin',
  noNextAppointment: 'Ein weiterer Termin ist nicht gebucht. Ihr Impfzertifikat kommt mit einer eigenen E-Mail.',
  templates: {
    'booking-confirmation': {
      subject: (c) => `Buchungsbestätigung: ${c.productName}, Buchung ${c.bookingCode}`,
      heading: 'Ihre Impftermine sind gebucht',
      intro: (c) => `vielen Dank für Ihre Buchung. Ihre Termine für die Impfung mit ${c.productName} stehen fest.`,
    },
    'booking-changed': {
      subject: (c) => `Ihre Buchung wurde geändert: ${c.productName}, Buchung ${c.bookingCode}`,
      heading: 'Ihre Buchung wurde geändert',
      intro: (c) => `Ihre Buchung für die Impfung mit ${c.productName} wurde geändert. Hier sind Ihre aktuellen Termine.`,
    },
    'booking-cancelled': {
      subject: (c) => `Termin abgesagt: ${c.productName}, Buchung ${c.bookingCode}`,
      heading: 'Ihr Termin wurde abgesagt',
      intro: (c) => `leider wurden Termine Ihrer Buchung für die Impfung mit ${c.productName} abgesagt.`,
    },
    'appointment-reminder': {
      subject: (c) => `Erinnerung: Ihr Impftermin am ${c.next.date} um ${c.next.startTime} Uhr`,
      heading: 'Ihr Impftermin ist morgen',
      intro: (c) => `wir erinnern Sie an Ihren Termin für die Impfung mit ${c.productName} am ${c.next.date} um ${c.next.startTime} Uhr.`,
    },
    'standby-offer': {
      subject: (c) => `Freie Impfdosis heute: ${c.productName}, bis ${c.next.endTime} Uhr`,
      heading: 'Eine Impfdosis ist für Sie frei',
      intro: (c) => `heute ist eine Dosis ${c.productName} übrig. Wenn Sie bis ${c.next.endTime} Uhr kommen können, sagen Sie jetzt zu.`,
    },
    'visit-summary': {
      subject: (c) => `Ihre Impfung ist dokumentiert: ${c.productName}`,
      heading: 'Danke für Ihren Besuch',
      intro: (c) => `Ihre Impfung mit ${c.productName} ist dokumentiert. Hier steht, wie es weitergeht.`,
    },
  },
};

const en: LocaleTexts = {
  greeting: (name) => `Hello ${name},`,
  dose: (doseNumber) => `Dose ${doseNumber}`,
  time: (when) => `${when.startTime}–${when.endTime}`,
  cancelledTag: 'cancelled',
  cancelledHeading: 'Cancelled appointments',
  stillBookedHeading: 'Appointments still booked',
  appointmentsHeading: 'Your appointments',
  reasonLabel: 'Reason',
  checkInHeading: 'Your check-in code',
  checkInHelp: 'Show this QR code when you check in. You can also tell us your booking code.',
  qrAlt: (code) => `QR code for check-in with booking code ${code}`,
  bookingCodeLabel: 'Booking code',
  calendarAttached: 'Your appointments are attached as a calendar file (.ics) so you can add them to your calendar.',
  bringAlong: 'Please bring photo ID and, if you have one, your vaccination record.',
  manageButton: 'Manage booking',
  manageHelp: 'Use this link to cancel or move your appointments:',
  rebookButton: 'Book a new appointment',
  rebookHelp: 'You can book a new appointment here:',
  automatic: 'This e-mail was sent automatically. Please do not reply to it.',
  standbyButton: 'Take the dose',
  standbyHelp: 'The first to confirm get the doses. The offer is only valid for a short time:',
  nextAppointmentHeading: 'Your next appointment',
  noNextAppointment: 'No further appointment is booked. Your vaccination certificate comes in a separate e-mail.',
  templates: {
    'booking-confirmation': {
      subject: (c) => `Booking confirmed: ${c.productName}, booking ${c.bookingCode}`,
      heading: 'Your vaccination appointments are booked',
      intro: (c) => `thank you for booking. Your appointments for vaccination with ${c.productName} are confirmed.`,
    },
    'booking-changed': {
      subject: (c) => `Your booking has changed: ${c.productName}, booking ${c.bookingCode}`,
      heading: 'Your booking has changed',
      intro: (c) => `your booking for vaccination with ${c.productName} has changed. These are your current appointments.`,
    },
    'booking-cancelled': {
      subject: (c) => `Appointment cancelled: ${c.productName}, booking ${c.bookingCode}`,
      heading: 'Your appointment was cancelled',
      intro: (c) => `we are sorry: appointments of your booking for vaccination with ${c.productName} were cancelled.`,
    },
    'appointment-reminder': {
      subject: (c) => `Reminder: your vaccination appointment on ${c.next.date} at ${c.next.startTime}`,
      heading: 'Your vaccination appointment is tomorrow',
      intro: (c) => `this is a reminder of your appointment for vaccination with ${c.productName} on ${c.next.date} at ${c.next.startTime}.`,
    },
    'standby-offer': {
      subject: (c) => `Spare dose today: ${c.productName}, until ${c.next.endTime}`,
      heading: 'A spare dose is available for you',
      intro: (c) => `a dose of ${c.productName} is left over today. If you can come by ${c.next.endTime}, confirm now.`,
    },
    'visit-summary': {
      subject: (c) => `Your vaccination is documented: ${c.productName}`,
      heading: 'Thank you for coming',
      intro: (c) => `your vaccination with ${c.productName} is documented. This is what comes next.`,
    },
  },
};

export const TEXTS: Record<MailLocale, LocaleTexts> = { de, en };
