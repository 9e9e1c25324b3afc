import { AppException } from '../../../common/problem/app-exception';

export enum SmsCallbackExceptionCode {
  Unsigned = 'sms.unsigned',
  BadSignature = 'sms.bad_signature',
  NotConfigured = 'sms.provider_not_configured',
  Stale = 'sms.stale_receipt',
}

const TEXT: Record<SmsCallbackExceptionCode, [number, string, string]> = {
  [SmsCallbackExceptionCode.Unsigned]: [401, 'Not signed', 'The callback carries no signature.'],
  [SmsCallbackExceptionCode.BadSignature]: [403, 'Bad signature', 'The signature does not match the callback.'],
  [SmsCallbackExceptionCode.Stale]: [403, 'Stale receipt', 'The receipt was signed too long ago to be taken.'],
  [SmsCallbackExceptionCode.NotConfigured]: [404, 'Not found', 'This tenant does not send text messages through this provider.'],
};

export class SmsCallbackException extends AppException {
  constructor(code: SmsCallbackExceptionCode) {
    const [status, title, detail] = TEXT[code];
    super(code, status, title, detail);
  }
}
