import { Type, type Static } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { BirthDate, OneOf, PhoneNumber, Strict, Text, Uuid } from './contract/schema';
import { TrackingCode } from './registration';

const Time = (example: string) => Text(`must be a time such as ${example}`, { pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', examples: [example] });
const ManageToken = () => Type.String({ maxLength: 100, description: "From a booking: the manage link's token" });

export const StandbyWindow = Strict({ from: Time('12:00'), to: Time('14:00') });
export type StandbyWindow = Static<typeof StandbyWindow>;

/**
 * `POST /api/standby/members`: who opts in is a registration (tracking code and birth date) or a
 * booking (its manage token); one of the two is required, which the service checks.
 */
export const StandbyOptIn = contract(
  'StandbyOptIn',
  Strict({
    trackingCode: Type.Optional(TrackingCode()),
    birthDate: Type.Optional(BirthDate()),
    manageToken: Type.Optional(ManageToken()),
    siteIds: Type.Optional(Type.Array(Uuid('each must be a site id'), { maxItems: 20 })),
    timeWindows: Type.Optional(Type.Array(StandbyWindow, { maxItems: 6 })),
    quietFrom: Type.Optional(Time('20:00')),
    quietTo: Type.Optional(Time('08:00')),
    phone: Type.Optional(PhoneNumber({ description: 'For offers by SMS' })),
    captcha: Type.String({ minLength: 1, maxLength: 4000 }),
  }),
);
export type StandbyOptIn = Payload<typeof StandbyOptIn>;

/** `POST /api/standby/members/leave`: opting out takes what opting in took. */
export const StandbySource = contract(
  'StandbySource',
  Strict({ trackingCode: Type.Optional(TrackingCode()), birthDate: Type.Optional(BirthDate()), manageToken: Type.Optional(ManageToken()) }),
);
export type StandbySource = Payload<typeof StandbySource>;

export const StandbyJoined = contract('StandbyJoined', Strict({ joined: Type.Literal(true) }));
export type StandbyJoined = Payload<typeof StandbyJoined>;
export const StandbyLeft = contract('StandbyLeft', Strict({ left: Type.Literal(true) }));
export type StandbyLeft = Payload<typeof StandbyLeft>;

/** `POST /api/standby/offers/confirm`: the token from the offer link's fragment. */
export const StandbyOfferToken = contract('StandbyOfferToken', Strict({ token: Type.String({ minLength: 1, maxLength: 100 }) }));
export type StandbyOfferToken = Payload<typeof StandbyOfferToken>;

/** `POST /api/standby/announcements`: "N doses left until 17:00". */
export const AnnounceSpareDoses = contract(
  'AnnounceSpareDoses',
  Strict({
    siteId: Uuid('must be a site id'),
    productId: Uuid('must be a vaccine id'),
    doses: Type.Integer({ minimum: 1, maximum: 500 }),
    availableUntil: Text('must be an ISO 8601 date-time', { format: 'date-time', description: 'Until when the doses can be given' }),
    offerMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 240, default: 30 })),
    overbookingFactor: Type.Optional(Type.Number({ minimum: 1, maximum: 10, default: 1.5, description: 'Offers open at once per dose left' })),
  }),
);
export type AnnounceSpareDoses = Payload<typeof AnnounceSpareDoses>;

export const Announcement = contract(
  'Announcement',
  Strict({
    id: Type.String(),
    siteId: Type.String(),
    productId: Type.String(),
    doses: Type.Integer(),
    taken: Type.Integer(),
    availableUntil: Type.String(),
    offerMinutes: Type.Integer(),
    overbookingFactor: Type.Number(),
    status: OneOf(['open', 'closed']),
    offered: Type.Integer(),
    open: Type.Integer(),
    sms: Strict(
      { sent: Type.Integer(), delivered: Type.Integer(), failed: Type.Integer() },
      { description: "The offers' text messages by their last known status: handed to the provider, delivered to the phone, or lost" },
    ),
  }),
);
export type Announcement = Payload<typeof Announcement>;

export const StandbyConfirmation = contract('StandbyConfirmation', Strict({ status: Type.Literal('confirmed'), announcement: Announcement.schema }));
export type StandbyConfirmation = Payload<typeof StandbyConfirmation>;

/** Who confirmed a spare dose: given names for the site staff (a staff read, audited). */
export const ConfirmedMember = contract('ConfirmedMember', Strict({ memberId: Type.String(), givenName: Type.String(), confirmedAt: Type.String() }));
export type ConfirmedMember = Payload<typeof ConfirmedMember>;

/** Today's days with more doses brought than booked: spare doses to announce. */
export const SpareDoseProposal = contract(
  'SpareDoseProposal',
  Strict({
    dayId: Type.String(),
    siteId: Type.String(),
    productId: Type.String(),
    doses: Type.Integer({ description: 'Doses brought for the day, minus booked appointments, minus what was announced today already' }),
    availableUntil: Type.String({ description: 'When the day closes: the proposed "until"' }),
    expiresToday: Type.Boolean({ description: 'A lot of the day expires today: what is not given today is thrown away' }),
  }),
);
export type SpareDoseProposal = Payload<typeof SpareDoseProposal>;

/** A route's `:id`. */
export const IdParam = contract('IdParam', Strict({ id: Uuid('must be a UUID') }));
export type IdParam = Payload<typeof IdParam>;
