import { Type, type Static } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { Locale, Nullable, OneOf, Strict, Uuid } from './contract/schema';
import { GroupName, REGISTRATION_STATUSES } from './registration';

/** `GET /api/waiting-list/queue?status=&limit=&offset=`. */
export const QueueQuery = contract(
  'QueueQuery',
  Strict({
    status: Type.Optional(OneOf(REGISTRATION_STATUSES, { description: 'queued when absent' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  }),
);
export type QueueQuery = Payload<typeof QueueQuery>;

export const QueueEntry = Strict({
  registrationId: Type.String(),
  rank: Nullable(Type.Integer()),
  group: Nullable(GroupName),
  status: OneOf(REGISTRATION_STATUSES),
  reason: Nullable(Type.String()),
  preferredSiteIds: Type.Array(Type.String()),
  registeredAt: Type.String(),
});

/** Registrations in allocation order with their group and, when still queued after release, the reason. */
export const QueuePage = contract('QueuePage', Strict({ total: Type.Integer(), items: Type.Array(QueueEntry) }));
export type QueuePage = Payload<typeof QueuePage>;
export type QueueEntry = QueuePage['items'][number];

export const AllocationDeadLetter = contract(
  'AllocationDeadLetter',
  Strict({ id: Type.String(), registrationId: Type.String(), reason: Nullable(Type.String()), failedAt: Type.String() }),
);
export type AllocationDeadLetter = Payload<typeof AllocationDeadLetter>;

export const Release = contract('Release', Strict({ siteId: Nullable(Type.String()), upToRank: Type.Integer(), releasedBy: Type.String(), releasedAt: Type.String() }));
export type Release = Payload<typeof Release>;

/** `POST /api/waiting-list/releases`: release every group up to this rank; 0 withdraws the release. */
export const ReleaseGroups = contract(
  'ReleaseGroups',
  Strict({ upToRank: Type.Integer({ minimum: 0, maximum: 1000 }), siteId: Type.Optional(Uuid('must be a site id')) }),
);
export type ReleaseGroups = Payload<typeof ReleaseGroups>;

export const REPORT_NAMES = ['by-group', 'by-site', 'by-week', 'willing-vs-vaccinated', 'standby'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const ReportsQuery = contract('ReportsQuery', Strict({ locale: Type.Optional(Locale()) }));
export type ReportsQuery = Payload<typeof ReportsQuery>;
export const ReportCsvQuery = contract('ReportCsvQuery', Strict({ locale: Type.Optional(Locale()), report: OneOf(REPORT_NAMES) }));
export type ReportCsvQuery = Payload<typeof ReportCsvQuery>;

const Count = () => Type.Integer({ minimum: 0 });

/** Demand and standby figures for staff. */
export const WaitingListReports = contract(
  'WaitingListReports',
  Strict({
    byGroup: Type.Array(
      Strict({ rank: Nullable(Type.Integer()), group: Nullable(Type.String()), queued: Count(), booked: Count(), vaccinated: Count(), total: Count() }),
    ),
    bySite: Type.Array(Strict({ siteId: Nullable(Type.String()), siteName: Nullable(Type.String()), registrations: Count() })),
    byWeek: Type.Array(Strict({ week: Type.String(), registrations: Count() })),
    willingVsVaccinated: Strict({ willing: Count(), booked: Count(), vaccinated: Count() }),
    standby: Type.Array(
      Strict({
        announcementId: Type.String(),
        siteName: Type.String(),
        productName: Type.String(),
        announcedAt: Type.String(),
        doses: Count(),
        offered: Count(),
        taken: Count(),
        expired: Count(),
        tooLate: Count(),
      }),
    ),
  }),
);
export type WaitingListReports = Payload<typeof WaitingListReports>;

/** A tenant's own age limits for a product, on top of the product's; null leaves that bound to the product. */
export const ProductAgeLimit = Strict({ productId: Type.String(), minAgeYears: Nullable(Type.Integer()), maxAgeYears: Nullable(Type.Integer()) });
export type ProductAgeLimit = Static<typeof ProductAgeLimit>;

/** The priority rules in force; `match` is a condition of `@vaccinate/priority-rules`, which checks it. */
export const RuleSet = contract(
  'RuleSet',
  Strict({
    version: Type.Integer(),
    rules: Type.Object({
      version: Type.Literal(1),
      groups: Type.Array(Type.Object({ id: Type.String(), rank: Type.Integer(), name: GroupName, match: Type.Unknown() })),
    }),
    eligibility: Type.Array(ProductAgeLimit),
    savedAt: Nullable(Type.String()),
  }),
);
export type RuleSet = Payload<typeof RuleSet>;

export const SavedRuleSet = contract('SavedRuleSet', Type.Composite([RuleSet.schema, Strict({ regrouped: Type.Integer() })], { additionalProperties: false }));
export type SavedRuleSet = Payload<typeof SavedRuleSet>;

/** `PUT /api/waiting-list/rules`: the document is checked by `@vaccinate/priority-rules`, with its own field problems. */
export const SavePriorityRules = contract(
  'SavePriorityRules',
  Strict({
    rules: Type.Record(Type.String(), Type.Unknown(), { description: 'A priority rules document: { version: 1, groups: [{ id, rank, name: { de, en }, match }] }' }),
    eligibility: Type.Optional(
      Type.Array(Type.Unknown(), { maxItems: 200, description: 'Per product: { productId, minAgeYears, maxAgeYears } narrowing the product’s own age limits' }),
    ),
    version: Type.Optional(
      Type.Integer({ minimum: 0, description: 'The rule set version the change is based on (0 for the example rules): a concurrent save is not overwritten' }),
    ),
  }),
);
export type SavePriorityRules = Payload<typeof SavePriorityRules>;
