export { CaughtStore } from './caught-store';
export { startMailCatcher, type MailCatcher, type MailCatcherOptions } from './mail-catcher';
export type { CaughtAttachment, CaughtMessage, CaughtMessageSummary } from './caught-message';
