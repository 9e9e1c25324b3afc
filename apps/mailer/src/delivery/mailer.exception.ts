import { MailerProblemCode, type MailFieldProblem } from '@vaccinate/mail-contracts';

export { MailerProblemCode };

/** Every refusal the mailer answers; the HTTP layer maps the code to a status in one place. */
export class MailerException extends Error {
  constructor(
    readonly code: MailerProblemCode,
    message: string,
    readonly errors?: MailFieldProblem[],
    /** Safe to log (a provider code or status), never shown to the caller. */
    readonly logDetail?: string,
    /** Sent as `Retry-After` (a rate-limited caller). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'MailerException';
  }
}
