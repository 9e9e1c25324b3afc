import { Type } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { BirthDate, Email, Locale, Nullable, Strict, Text } from './contract/schema';

/** `POST /api/people/:id/erasure`: what went and what the law keeps (pseudonymised, doctors only). */
export const PersonErasure = contract(
  'PersonErasure',
  Strict({
    personId: Type.String(),
    erasedAt: Type.String(),
    /** Vaccinations kept as documentation; the person's identity is kept sealed beside them until `retainedUntil`. */
    retainedVaccinations: Type.Integer(),
    retainedUntil: Nullable(Type.String()),
    deleted: Strict({
      registrations: Type.Integer(),
      standbyMemberships: Type.Integer(),
      mails: Type.Integer(),
      certificateLinks: Type.Integer(),
      revisions: Type.Integer(),
      questionnaireAnswers: Type.Integer(),
    }),
  }),
);
export type PersonErasure = Payload<typeof PersonErasure>;

/** `GET /api/people/:id/retained-identity`: who an erased person was, for doctors answering for the documentation kept. */
export const RetainedIdentity = contract(
  'RetainedIdentity',
  Strict({ personId: Type.String(), givenName: Type.String(), familyName: Type.String(), birthDate: Type.String(), retainedUntil: Type.String() }),
);
export type RetainedIdentity = Payload<typeof RetainedIdentity>;

const Instant = () => Type.String({ description: 'ISO 8601 date-time' });
const Answers = () => Type.Record(Type.String(), Type.Unknown(), { description: 'Question id -> answer, as given' });

/**
 * `GET /api/people/:id/export` (and `.html`): everything the tenant holds about a person (GDPR
 * art. 15 and 20), and who read or changed their record.
 */
export const PersonExport = contract(
  'PersonExport',
  Strict({
    exportedAt: Instant(),
    profile: Strict({
      id: Type.String(),
      givenName: Type.String(),
      familyName: Type.String(),
      email: Type.String(),
      birthDate: Type.String(),
      phone: Nullable(Type.String()),
      employeeNumber: Nullable(Type.String()),
      locale: Nullable(Type.String()),
      createdAt: Instant(),
      updatedAt: Instant(),
    }),
    revisions: Type.Array(
      Strict({
        version: Type.Integer(),
        givenName: Type.String(),
        familyName: Type.String(),
        email: Type.String(),
        birthDate: Type.String(),
        reason: Type.String(),
        changedBy: Type.String(),
        changedAt: Instant(),
      }),
    ),
    bookings: Type.Array(
      Strict({
        code: Type.String(),
        status: Type.String(),
        product: Type.String(),
        createdAt: Instant(),
        appointments: Type.Array(Strict({ startsAt: Instant(), site: Type.String(), doseKind: Type.String(), doseNumber: Type.Integer(), status: Type.String() })),
      }),
    ),
    registrations: Type.Array(
      Strict({
        trackingCode: Type.String(),
        status: Type.String(),
        createdAt: Instant(),
        givenName: Type.String(),
        familyName: Type.String(),
        email: Type.String(),
        birthDate: Type.String(),
        phone: Nullable(Type.String()),
        occupations: Type.Array(Type.String()),
        answers: Answers(),
        preferredSiteIds: Type.Array(Type.String()),
        preferredWeekdays: Type.Array(Type.Integer()),
      }),
    ),
    standby: Type.Array(
      Strict({
        source: Type.Union([Type.Literal('registration'), Type.Literal('booking')]),
        active: Type.Boolean(),
        createdAt: Instant(),
        phone: Nullable(Type.String()),
        siteIds: Type.Array(Type.String()),
        offers: Type.Array(Strict({ status: Type.String(), offeredAt: Instant(), answeredAt: Nullable(Instant()) })),
      }),
    ),
    visits: Type.Array(
      Strict({
        day: Type.String(),
        state: Type.String(),
        checkedInAt: Nullable(Instant()),
        consentAt: Nullable(Instant()),
        checkedOutAt: Nullable(Instant()),
        noShowAt: Nullable(Instant()),
        answers: Nullable(Answers()),
      }),
    ),
    vaccinations: Type.Array(
      Strict({
        product: Type.String(),
        lotNumber: Type.String(),
        doseNumber: Type.Integer(),
        seriesDoses: Type.Integer(),
        administeredAt: Instant(),
        site: Type.String(),
        injectionSite: Type.String(),
        status: Type.String(),
        adverseReactions: Type.Array(Strict({ severity: Type.String(), description: Type.String(), recordedAt: Instant() })),
      }),
    ),
    certificates: Type.Array(Strict({ certificateId: Type.String(), issuedAt: Instant(), expiresAt: Instant(), revokedAt: Nullable(Instant()) })),
    mails: Type.Array(Strict({ kind: Type.String(), status: Type.String(), queuedAt: Instant(), sentAt: Nullable(Instant()) })),
    accessLog: Type.Array(Strict({ occurredAt: Instant(), actor: Type.String(), actorKind: Type.String(), action: Type.String(), clientNetwork: Type.String() })),
  }),
);
export type PersonExport = Payload<typeof PersonExport>;

/**
 * `POST /api/privacy/access-requests`: a person asks for their data. Whether or not anyone matches,
 * the answer is the same; a match gets a single-use link by mail.
 */
export const DataAccessRequest = contract(
  'DataAccessRequest',
  Strict({
    email: Email(),
    birthDate: BirthDate(),
    locale: Type.Optional(Nullable(Locale())),
    captcha: Type.String({ minLength: 1, maxLength: 4000, description: 'ALTCHA solution (base64) or reCAPTCHA token' }),
  }),
);
export type DataAccessRequest = Payload<typeof DataAccessRequest>;

export const DataAccessRequestAccepted = contract('DataAccessRequestAccepted', Strict({ accepted: Type.Literal(true) }));
export type DataAccessRequestAccepted = Payload<typeof DataAccessRequestAccepted>;

/** `POST /api/privacy/access-links`: the token from the mailed link's fragment, exchanged once for the export. */
export const DataAccessLinkExchange = contract('DataAccessLinkExchange', Strict({ token: Text('must be the token from the link', { pattern: '^[A-Za-z0-9_-]{43}$' }) }));
export type DataAccessLinkExchange = Payload<typeof DataAccessLinkExchange>;
