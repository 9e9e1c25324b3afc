import { Type } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { Email, Locale, Nullable, OneOf, SingleLine, Strict, Text, Uuid } from './contract/schema';
import { PASSWORD_MIN_LENGTH } from './auth';
import { STAFF_ROLES } from './roles';

/** `invited`: no password yet (an invitation link is out); `deactivated`: can no longer sign in. */
export const STAFF_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

const Roles = () => Type.Array(OneOf(STAFF_ROLES), { minItems: 1, uniqueItems: true });

/** One staff account as an admin sees it on the staff page. */
export const StaffMember = contract(
  'StaffMember',
  Strict({
    id: Type.String(),
    email: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(OneOf(STAFF_ROLES)),
    status: OneOf(STAFF_STATUSES),
    locale: Locale(),
    lastSignInAt: Nullable(Type.String({ format: 'date-time' })),
    invitationExpiresAt: Nullable(Type.String({ format: 'date-time', description: 'When the latest invitation link expires, while the account is invited' })),
  }),
);
export type StaffMember = Payload<typeof StaffMember>;

/** `POST /api/staff/invitations`. */
export const InviteStaffRequest = contract(
  'InviteStaffRequest',
  Strict({ email: Email(), displayName: SingleLine(100), roles: Roles(), locale: Type.Optional(Locale()) }),
);
export type InviteStaffRequest = Payload<typeof InviteStaffRequest>;

/** A staff account's `:id`. */
export const StaffIdParam = contract('StaffIdParam', Strict({ id: Uuid('must be a staff account id') }));
export type StaffIdParam = Payload<typeof StaffIdParam>;

/** `PUT /api/staff/:id/roles`. */
export const ChangeStaffRolesRequest = contract('ChangeStaffRolesRequest', Strict({ roles: Roles() }));
export type ChangeStaffRolesRequest = Payload<typeof ChangeStaffRolesRequest>;

/** `POST /api/auth/password-reset`: the answer is the same whether or not the address has an account. */
export const PasswordResetRequest = contract('PasswordResetRequest', Strict({ email: Email(), locale: Type.Optional(Locale()) }));
export type PasswordResetRequest = Payload<typeof PasswordResetRequest>;

export const PasswordResetAccepted = contract(
  'PasswordResetAccepted',
  Strict({ status: Type.Literal('accepted', { description: 'A link is on its way if the address has an account that signs in with a password' }) }),
);
export type PasswordResetAccepted = Payload<typeof PasswordResetAccepted>;

/** `POST /api/auth/password-link`: the token of an invitation or reset link and the password to set. */
export const SetPasswordRequest = contract(
  'SetPasswordRequest',
  Strict({
    token: Text('must be the code from the link', { pattern: '^[A-Za-z0-9_-]{43}$' }),
    newPassword: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200, format: 'password' }),
  }),
);
export type SetPasswordRequest = Payload<typeof SetPasswordRequest>;

/** One sign-in of the calling account that has not ended. */
export const StaffSession = contract(
  'StaffSession',
  Strict({
    id: Type.String(),
    startedAt: Type.String({ format: 'date-time' }),
    expiresAt: Type.String({ format: 'date-time' }),
    current: Type.Boolean({ description: 'The session of the token that asked' }),
  }),
);
export type StaffSession = Payload<typeof StaffSession>;

export const StaffSessionParam = contract('StaffSessionParam', Strict({ id: Uuid('must be a session id') }));
export type StaffSessionParam = Payload<typeof StaffSessionParam>;
