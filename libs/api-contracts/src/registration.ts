import { Type, type Static } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { BirthDate, Locale, Nullable, OneOf, Strict, Text, Trimmed, Uuid } from './contract/schema';
import { RegistrationPerson } from './person';

export const TRACKING_CODE_PATTERN = '^R[0-9A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]{2}$';
export const TrackingCode = () =>
  Trimmed({ pattern: TRACKING_CODE_PATTERN, 'x-error-message': 'must be a tracking code such as R7KQ-4M2X-DZ', examples: ['R7KQ-4M2X-DZ'] });

/** `POST /api/registrations`: onto the waiting list (202, committed before the answer). */
export const RegistrationRequest = contract(
  'RegistrationRequest',
  Strict({
    person: RegistrationPerson,
    productId: Type.Optional(Nullable(Uuid('must be a vaccine id'))),
    preferredSiteIds: Type.Optional(Nullable(Type.Array(Uuid('each must be a site id'), { maxItems: 20 }))),
    preferredWeekdays: Type.Optional(Nullable(Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 7, description: 'ISO weekdays 1 (Monday) to 7' }))),
    occupations: Type.Optional(
      Nullable(Type.Array(Text('each must be an occupation code such as medical-staff', { pattern: '^[a-z][a-z0-9-]{1,40}$' }), { maxItems: 10 })),
    ),
    answers: Type.Optional(
      Nullable(
        Type.Record(
          Type.RegExp(/^[a-z][a-z0-9-]{0,40}$/),
          Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()], { 'x-error-message': 'must be a short text, a number or yes/no' }),
          {
            additionalProperties: false,
            maxProperties: 50,
            description: "Answers to the tenant's eligibility questions, by question id",
          },
        ),
      ),
    ),
    captcha: Type.String({ minLength: 1, maxLength: 4000, description: 'ALTCHA solution (base64) or reCAPTCHA token' }),
    locale: Type.Optional(Nullable(Locale())),
  }),
);
export type RegistrationRequest = Payload<typeof RegistrationRequest>;

export const RegistrationAccepted = contract('RegistrationAccepted', Strict({ trackingCode: Type.String(), statusUrl: Type.String() }));
export type RegistrationAccepted = Payload<typeof RegistrationAccepted>;

/** `POST /api/registrations/status` and `/withdraw`: tracking code and birth date travel in a body, never in a URL. */
export const RegistrationLookup = contract('RegistrationLookup', Strict({ trackingCode: TrackingCode(), birthDate: BirthDate() }));
export type RegistrationLookup = Payload<typeof RegistrationLookup>;

export const GroupName = Strict({ de: Type.String(), en: Type.String() });
export type GroupName = Static<typeof GroupName>;

export const REGISTRATION_STATUSES = ['queued', 'offered', 'booked', 'vaccinated', 'withdrawn'] as const;

export const RegistrationStatus = contract(
  'RegistrationStatus',
  Strict({
    trackingCode: Type.String(),
    status: OneOf(REGISTRATION_STATUSES),
    registeredAt: Type.String({ format: 'date-time' }),
    group: Nullable(Strict({ rank: Type.Integer(), name: GroupName })),
    ahead: Type.Integer({ description: 'Queued registrations served before this one; an estimate, releases and rules can change it.' }),
    position: Nullable(Type.Integer()),
    appointments: Type.Array(Strict({ doseNumber: Type.Integer(), status: Type.String(), startsAt: Type.String(), endsAt: Type.String(), siteName: Type.String() })),
    offer: Nullable(Strict({ expiresAt: Type.String(), availableUntil: Type.String(), siteName: Type.String() })),
  }),
);
export type RegistrationStatus = Payload<typeof RegistrationStatus>;

export const RegistrationWithdrawn = contract('RegistrationWithdrawn', Strict({ status: Type.Literal('withdrawn') }));
export type RegistrationWithdrawn = Payload<typeof RegistrationWithdrawn>;
