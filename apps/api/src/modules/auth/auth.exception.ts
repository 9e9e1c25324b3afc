import { AppException } from '../../common/problem/app-exception';

export enum AuthExceptionCode {
  Required = 'auth.required',
  InvalidToken = 'auth.invalid_token',
  InvalidCredentials = 'auth.invalid_credentials',
  Forbidden = 'auth.forbidden',
  PasswordChangeRequired = 'auth.password_change_required',
  WeakPassword = 'auth.weak_password',
  TooManyAttempts = 'auth.too_many_attempts',
  RouteWithoutAccessRule = 'auth.route_without_access_rule',
}

const DETAILS: Record<AuthExceptionCode, { status: number; title: string; detail: string }> = {
  [AuthExceptionCode.Required]: { status: 401, title: 'Sign-in required', detail: 'Sign in to use this page.' },
  [AuthExceptionCode.InvalidToken]: {
    status: 401,
    title: 'Session not valid here',
    detail: 'Your session has expired or belongs to another organisation. Sign in again.',
  },
  [AuthExceptionCode.InvalidCredentials]: {
    status: 401,
    title: 'Wrong e-mail or password',
    detail: 'The e-mail address or the password is not correct.',
  },
  [AuthExceptionCode.Forbidden]: { status: 403, title: 'Not allowed', detail: 'Your role does not allow this.' },
  [AuthExceptionCode.PasswordChangeRequired]: {
    status: 403,
    title: 'Password change required',
    detail: 'Choose a new password before you continue.',
  },
  [AuthExceptionCode.WeakPassword]: {
    status: 400,
    title: 'Choose another password',
    detail: 'The new password must be at least 12 characters and differ from the current one.',
  },
  [AuthExceptionCode.TooManyAttempts]: {
    status: 429,
    title: 'Too many attempts',
    detail: 'Too many sign-in attempts. Wait a few minutes and try again.',
  },
  [AuthExceptionCode.RouteWithoutAccessRule]: { status: 403, title: 'Not allowed', detail: 'This route is closed.' },
};

export class AuthException extends AppException {
  constructor(code: AuthExceptionCode, field?: string) {
    const { status, title, detail } = DETAILS[code];
    super(code, status, title, detail, field ? [{ field, message: detail }] : undefined);
  }
}
