export { startSmsCatcher, type ReportOptions, type SmsCatcher, type SmsCatcherOptions } from './sms-catcher';
export type { CallbackAnswer, CaughtText, SmsProvider } from './caught-text';
export type { TwilioAccount } from './twilio-api';
export type { VonageAccount } from './vonage-api';
export { twilioSignature, vonageSignature } from './signatures';
