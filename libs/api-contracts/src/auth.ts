import { Type } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { Email, OneOf, SingleLine, Strict } from './contract/schema';
import { STAFF_ROLES } from './roles';

export const PASSWORD_MIN_LENGTH = 12;

/** `POST /api/auth/login`. */
export const LoginRequest = contract('LoginRequest', Strict({ email: Email(), password: Type.String({ minLength: 1, maxLength: 200, format: 'password' }) }));
export type LoginRequest = Payload<typeof LoginRequest>;

export const StaffProfile = contract(
  'StaffProfile',
  Strict({ id: Type.String(), email: Type.String(), displayName: Type.String(), roles: Type.Array(OneOf(STAFF_ROLES)), mustChangePassword: Type.Boolean() }),
);
export type StaffProfile = Payload<typeof StaffProfile>;

export const LoginResponse = contract(
  'LoginResponse',
  Strict({
    accessToken: Type.String(),
    tokenType: Type.Literal('Bearer'),
    expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
    staff: StaffProfile.schema,
  }),
);
export type LoginResponse = Payload<typeof LoginResponse>;

/** `POST /api/auth/password`. */
export const ChangePasswordRequest = contract(
  'ChangePasswordRequest',
  Strict({
    currentPassword: Type.String({ minLength: 1, maxLength: 200, format: 'password' }),
    newPassword: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200, format: 'password' }),
  }),
);
export type ChangePasswordRequest = Payload<typeof ChangePasswordRequest>;

/** What `GET /api/auth/config` tells a sign-in page about the tenant's identity providers. */
export const AuthConfig = contract(
  'AuthConfig',
  Strict({ localSignIn: Type.Boolean(), oidc: Type.Optional(Strict({ issuer: Type.String(), clientId: Type.String() })) }),
);
export type AuthConfig = Payload<typeof AuthConfig>;

/** `POST /api/staff`. */
export const CreateStaffRequest = contract(
  'CreateStaffRequest',
  Strict({ email: Email(), displayName: SingleLine(100), roles: Type.Array(OneOf(STAFF_ROLES), { minItems: 1, uniqueItems: true }) }),
);
export type CreateStaffRequest = Payload<typeof CreateStaffRequest>;

export const CreatedStaff = contract(
  'CreatedStaff',
  Strict({ staff: StaffProfile.schema, oneTimePassword: Type.String({ description: 'Shown once; the account must change it at first sign-in' }) }),
);
export type CreatedStaff = Payload<typeof CreatedStaff>;

/** A staff access-token public key (JWK); only the API checks these tokens, the set is public for audits and debugging. */
export const AccessTokenKey = Strict({
  kty: Type.String({ examples: ['EC'] }),
  crv: Type.String({ examples: ['P-256'] }),
  x: Type.String(),
  y: Type.String(),
  kid: Type.String({ description: 'RFC 7638 thumbprint, the `kid` of the tokens it signs' }),
  alg: Type.Literal('ES256'),
  use: Type.Literal('sig'),
});

/** `GET /api/auth/keys`: the access-token keys, current and retired (until the tokens they signed expire). */
export const AccessTokenKeySet = contract('AccessTokenKeySet', Strict({ keys: Type.Array(AccessTokenKey) }));
export type AccessTokenKeySet = Payload<typeof AccessTokenKeySet>;
