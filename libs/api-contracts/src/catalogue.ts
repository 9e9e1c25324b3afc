import { Type, type Static } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { IsoDate, Nullable, SingleLine, Strict, Text, Uuid } from './contract/schema';

const Version = () => Type.Integer({ minimum: 1, description: 'The version the client loaded: a concurrent change is not overwritten' });

/** A place where vaccination days happen. Not personal data. */
export const SiteInput = contract(
  'SiteInput',
  Strict({
    name: SingleLine(120),
    street: SingleLine(120),
    postalCode: SingleLine(12),
    city: SingleLine(80),
    openingHours: Type.String({ maxLength: 200, description: 'Free text shown to employees, e.g. "Mon–Fri 08:00–16:00"' }),
    stations: Type.Integer({ minimum: 1, maximum: 50, description: 'Vaccination stations (rooms or lanes) working in parallel' }),
  }),
);
export type SiteInput = Payload<typeof SiteInput>;

export const Site = contract(
  'Site',
  Type.Composite([Strict({ id: Type.String() }), SiteInput.schema, Strict({ version: Type.Integer() })], { additionalProperties: false }),
);
export type Site = Payload<typeof Site>;

export const SiteChange = contract('SiteChange', Type.Composite([Type.Partial(SiteInput.schema), Strict({ version: Version() })], { additionalProperties: false }));
export type SiteChange = Payload<typeof SiteChange>;

/** The interval before dose `dose` of the primary series, counted from the previous dose. */
export const FollowUpInterval = Strict({
  dose: Type.Integer({ minimum: 2, maximum: 10 }),
  minDays: Type.Integer({ minimum: 1, maximum: 3650 }),
  recommendedDays: Type.Integer({ minimum: 1, maximum: 3650 }),
  maxDays: Type.Integer({ minimum: 1, maximum: 3650 }),
});
export type FollowUpInterval = Static<typeof FollowUpInterval>;

export const VaccineProductInput = contract(
  'VaccineProductInput',
  Strict({
    name: SingleLine(80, { examples: ['Comirnaty'] }),
    manufacturer: SingleLine(120),
    /** EU DCC value sets: medicinal product (mp), marketing authorisation holder (ma), prophylaxis (vp). */
    euProductCode: Text('must be an EU product code such as EU/1/20/1528', { pattern: '^[A-Za-z0-9/._-]{2,40}$' }),
    marketingAuthorisationHolder: Text('must be a marketing authorisation holder code such as ORG-100030215', { pattern: '^[A-Za-z0-9._-]{2,40}$' }),
    prophylaxisCode: Text('must be a prophylaxis code such as J07BN01', { pattern: '^[A-Za-z0-9]{2,20}$' }),
    primaryDoses: Type.Integer({ minimum: 1, maximum: 5 }),
    followUpIntervals: Type.Array(FollowUpInterval, { maxItems: 4 }),
    boosterMinDaysAfterSeries: Nullable(
      Type.Integer({ minimum: 1, maximum: 3650, description: 'Days after the series before a booster; null when no booster is offered' }),
    ),
    minAgeYears: Type.Integer({ minimum: 0, maximum: 120 }),
    maxAgeYears: Nullable(Type.Integer({ minimum: 0, maximum: 130 })),
    active: Type.Boolean(),
  }),
);
export type VaccineProductInput = Payload<typeof VaccineProductInput>;

export const VaccineProduct = contract(
  'VaccineProduct',
  Type.Composite([Strict({ id: Type.String() }), VaccineProductInput.schema, Strict({ version: Type.Integer() })], { additionalProperties: false }),
);
export type VaccineProduct = Payload<typeof VaccineProduct>;

export const VaccineProductChange = contract(
  'VaccineProductChange',
  Type.Composite([Type.Partial(VaccineProductInput.schema), Strict({ version: Version() })], { additionalProperties: false }),
);
export type VaccineProductChange = Payload<typeof VaccineProductChange>;

export const LotInput = contract(
  'LotInput',
  Strict({
    productId: Uuid('must be a product id'),
    lotNumber: Text('must be 1-40 letters, digits or . _ / -', { pattern: '^[A-Za-z0-9._/-]{1,40}$', examples: ['FH8476'] }),
    expiryDate: IsoDate(),
    dosesReceived: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  }),
);
export type LotInput = Payload<typeof LotInput>;

export const Lot = contract(
  'Lot',
  Strict({
    id: Type.String(),
    productId: Type.String(),
    lotNumber: Type.String(),
    expiryDate: Type.String({ format: 'date' }),
    dosesReceived: Type.Integer(),
    dosesAssigned: Type.Integer({ description: 'Doses promised to vaccination days' }),
    dosesUsed: Type.Integer(),
    dosesWasted: Type.Integer(),
  }),
);
export type Lot = Payload<typeof Lot>;

/** `GET /api/lots?productId=`. */
export const LotsQuery = contract('LotsQuery', Strict({ productId: Type.Optional(Uuid('must be a UUID')) }));
export type LotsQuery = Payload<typeof LotsQuery>;

/** What the public booking page needs to start: active products and the sites. */
export const PublicCatalogue = contract(
  'PublicCatalogue',
  Strict({
    requireEmployeeNumber: Type.Optional(Type.Boolean({ description: 'Whether the booking form must ask for the employee number' })),
    timeZone: Type.Optional(Type.String({ description: "IANA zone the center's times are in, e.g. Europe/Berlin" })),
    products: Type.Array(
      Type.Pick(VaccineProduct.schema, ['id', 'name', 'manufacturer', 'primaryDoses', 'followUpIntervals', 'minAgeYears', 'maxAgeYears'], {
        additionalProperties: false,
      }),
    ),
    sites: Type.Array(Type.Pick(Site.schema, ['id', 'name', 'street', 'postalCode', 'city', 'openingHours'], { additionalProperties: false })),
  }),
);
export type PublicCatalogue = Payload<typeof PublicCatalogue>;
