import { Type, type Static } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { BookingCodeText, ERROR_MESSAGE, Locale, Nullable, OneOf, SingleLine, Strict, Text, Uuid } from './contract/schema';
import { BookingPerson } from './person';
import { DOSE_KINDS } from './vaccination-day';

/** Where a person is on the vaccination day. `booked` and `cancelled` come from the appointment, the rest from the visit. */
export const VISIT_STATES = ['checked_in', 'in_consultation', 'observation', 'done', 'no_show'] as const;
export type VisitState = (typeof VISIT_STATES)[number];
export const BOARD_STATES = ['booked', ...VISIT_STATES, 'cancelled'] as const;
export type BoardState = (typeof BOARD_STATES)[number];

export const IDENTITY_DOCUMENTS = ['id_card', 'passport', 'driving_licence', 'employee_badge', 'known_personally'] as const;
export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number];

export const INJECTION_SITES = ['left_deltoid', 'right_deltoid', 'left_thigh', 'right_thigh'] as const;
export type InjectionSite = (typeof INJECTION_SITES)[number];

export const INJECTION_ROUTES = ['intramuscular', 'subcutaneous'] as const;
export type InjectionRoute = (typeof INJECTION_ROUTES)[number];

export const REACTION_SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type ReactionSeverity = (typeof REACTION_SEVERITIES)[number];

export const WASTE_REASONS = ['opened_vial_expired', 'drawn_not_given', 'damaged', 'cold_chain_break', 'other'] as const;
export type WasteReason = (typeof WASTE_REASONS)[number];

export type VaccinationStatus = 'valid' | 'superseded';

const QUESTION_KEY = '^[a-z][a-z0-9_]{0,39}$';

/** A yes/no question before vaccination. A `flagWhen` answer makes a doctor look before the dose and lengthens observation. */
export const QuestionnaireQuestion = Strict({
  key: Text('must be 1-40 lowercase letters, digits or _', { pattern: QUESTION_KEY, examples: ['fever_today'], description: 'Stable key; answers refer to it' }),
  text: Strict({ de: SingleLine(300), en: SingleLine(300) }),
  flagWhen: Nullable(OneOf(['yes', 'no'])),
});
export type QuestionnaireQuestion = Static<typeof QuestionnaireQuestion>;

export const Questionnaire = contract('Questionnaire', Strict({ version: Type.Integer(), questions: Type.Array(QuestionnaireQuestion) }));
export type Questionnaire = Payload<typeof Questionnaire>;

/** `PUT /api/questionnaire`: a new version, based on `version`. */
export const QuestionnaireChange = contract(
  'QuestionnaireChange',
  Strict({
    questions: Type.Array(QuestionnaireQuestion, { minItems: 1, maxItems: 40 }),
    version: Type.Integer({ minimum: 0, description: 'The version this change is based on' }),
  }),
);
export type QuestionnaireChange = Payload<typeof QuestionnaireChange>;

export type QuestionnaireAnswer = 'yes' | 'no';

/** `PUT /api/visits/:id/answers`: what the person answered, and their consent. Health data: encrypted at rest, every read audited. */
export const VisitAnswersChange = contract(
  'VisitAnswersChange',
  Strict({
    questionnaireVersion: Type.Integer({ minimum: 0 }),
    answers: Type.Record(Type.String({ pattern: QUESTION_KEY }), OneOf(['yes', 'no']), {
      additionalProperties: false,
      maxProperties: 40,
      description: 'By question key',
    }),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000, description: 'Free text for anything the questions did not cover' }))),
    consent: Type.Boolean(),
    version: Type.Integer({ minimum: 1, description: 'The visit version this change is based on' }),
  }),
);
export type VisitAnswersChange = Payload<typeof VisitAnswersChange>;
export type VisitAnswers = Omit<VisitAnswersChange, 'version'>;

/** A step of the visit that changes nothing but its state (`POST /api/visits/:id/consultation`). */
export const VisitVersion = contract('VisitVersion', Strict({ version: Type.Integer({ minimum: 1, description: 'The visit version this change is based on' }) }));
export type VisitVersion = Payload<typeof VisitVersion>;

const DoseKindOf = () => OneOf(DOSE_KINDS);

/** One row of the day board. Names and birth date are personal data: reading the board is audited per person. */
export const BoardEntry = contract(
  'BoardEntry',
  Strict({
    appointmentId: Type.String(),
    visitId: Nullable(Type.String()),
    bookingCode: Type.String(),
    personId: Type.String(),
    person: Strict({ givenName: Type.String(), familyName: Type.String(), birthDate: Type.String() }),
    productId: Type.String(),
    productName: Type.String(),
    startsAt: Type.String(),
    doseKind: DoseKindOf(),
    doseNumber: Type.Integer(),
    state: OneOf(BOARD_STATES),
    walkIn: Type.Boolean(),
    checkedInAt: Nullable(Type.String()),
    answered: Type.Boolean(),
    consent: Type.Boolean(),
    flaggedAnswers: Type.Array(Type.String(), { description: "Keys of answers that need a doctor's look; empty when none or not answered yet" }),
    flagsAcknowledged: Type.Boolean({ description: 'A doctor acknowledged the flagged answers (the dose can be documented)' }),
    observationUntil: Nullable(Type.String()),
    vaccinationId: Nullable(Type.String()),
    version: Nullable(Type.Integer()),
  }),
);
export type BoardEntry = Payload<typeof BoardEntry>;

export const BoardCounters = Strict({
  booked: Type.Integer(),
  arrived: Type.Integer(),
  vaccinated: Type.Integer(),
  noShows: Type.Integer(),
  walkIns: Type.Integer(),
  lots: Type.Array(Strict({ lotId: Type.String(), lotNumber: Type.String(), productId: Type.String(), expiryDate: Type.String(), dosesLeft: Type.Integer() }), {
    description: "Doses left in the day's lots: received minus used minus wasted, per lot",
  }),
});
export type BoardCounters = Static<typeof BoardCounters>;

/** `GET /api/vaccination-days/:id/board`. */
export const DayBoard = contract(
  'DayBoard',
  Strict({ dayId: Type.String(), date: Type.String(), siteId: Type.String(), siteName: Type.String(), entries: Type.Array(BoardEntry.schema), counters: BoardCounters }),
);
export type DayBoard = Payload<typeof DayBoard>;

const IdentityDocumentOf = () => OneOf(IDENTITY_DOCUMENTS);

/** `POST /api/vaccination-days/:id/check-ins`: the booking code from the QR or typed, or the appointment picked from today's list. */
export const CheckInRequest = contract(
  'CheckInRequest',
  Strict({
    bookingCode: Type.Optional(BookingCodeText()),
    appointmentId: Type.Optional(Uuid('must be an appointment id')),
    identityChecked: Type.Boolean(),
    identityDocument: IdentityDocumentOf(),
  }),
);
export type CheckInRequest = Payload<typeof CheckInRequest>;

/** `POST /api/vaccination-days/:id/walk-ins`: booked into the next free slot and checked in. */
export const WalkInRequest = contract(
  'WalkInRequest',
  Strict({
    person: BookingPerson,
    productId: Uuid('must be a product id'),
    identityDocument: IdentityDocumentOf(),
    identityChecked: Type.Boolean(),
    /** The person's language for their mails; the tenant's default when absent and never chosen. */
    locale: Type.Optional(Nullable(Locale())),
  }),
);
export type WalkInRequest = Payload<typeof WalkInRequest>;

/** `POST /api/vaccination-days/:id/no-shows`. */
export const NoShowRequest = contract(
  'NoShowRequest',
  Strict({
    appointmentIds: Type.Optional(
      Type.Array(Uuid('must be an appointment id'), {
        maxItems: 1000,
        description: 'Appointments to mark; absent: every appointment whose slot ended without a check-in',
      }),
    ),
  }),
);
export type NoShowRequest = Payload<typeof NoShowRequest>;

export const NoShowsMarked = contract('NoShowsMarked', Strict({ noShows: Type.Integer(), dosesFreed: Type.Integer({ description: 'Doses that went back to the day' }) }));
export type NoShowsMarked = Payload<typeof NoShowsMarked>;

/** Who did a step, by staff id and, when the id is a staff account of this tenant, by name. */
export const StaffRef = Strict({ id: Type.String(), name: Nullable(Type.String()) });
export type StaffRef = Static<typeof StaffRef>;

/** `POST /api/visits/:id/vaccination`. */
export const DocumentVaccinationRequest = contract(
  'DocumentVaccinationRequest',
  Strict({
    lotId: Uuid('must be a lot id'),
    doseNumber: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, description: "Derived from the person's history when absent; a different number needs a reason" })),
    doseNumberReason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    injectionSite: OneOf(INJECTION_SITES),
    route: OneOf(INJECTION_ROUTES),
    vaccinator: Type.Optional(Type.String({ maxLength: 200, description: 'Staff id of who gave the dose; the documenting doctor when absent' })),
    administeredAt: Type.Optional(Text('must be a date-time (ISO 8601)', { format: 'date-time', description: 'When the dose was given; now when absent' })),
    version: Type.Integer({ minimum: 1 }),
  }),
);
export type DocumentVaccinationRequest = Payload<typeof DocumentVaccinationRequest>;

const DateTime = () => Text('must be a date-time (ISO 8601)', { format: 'date-time' });

export const Vaccination = contract(
  'Vaccination',
  Strict({
    id: Type.String(),
    personId: Type.String(),
    visitId: Nullable(Type.String()),
    productId: Type.String(),
    productName: Type.String(),
    lotId: Type.String(),
    lotNumber: Type.String(),
    siteId: Type.String(),
    doseNumber: Type.Integer(),
    seriesDoses: Type.Integer(),
    doseNumberReason: Nullable(Type.String()),
    injectionSite: OneOf(INJECTION_SITES),
    route: OneOf(INJECTION_ROUTES),
    vaccinator: Type.String(),
    documentedBy: Type.String(),
    vaccinatorName: Nullable(Type.String({ description: 'The staff name of who gave the dose, when known' })),
    documentedByName: Nullable(Type.String({ description: 'The staff name of who documented, when known' })),
    administeredAt: Type.String(),
    status: OneOf(['valid', 'superseded']),
    supersedesId: Nullable(Type.String()),
    correctionReason: Nullable(Type.String()),
    createdAt: Type.String(),
    adverseReactions: Type.Array(Strict({ id: Type.String(), severity: OneOf(REACTION_SEVERITIES), description: Type.String(), recordedAt: Type.String() })),
  }),
);
export type Vaccination = Payload<typeof Vaccination>;

/** `POST /api/vaccinations/:id/corrections`: a new record superseding the old one, with the reason. */
export const VaccinationCorrection = contract(
  'VaccinationCorrection',
  Strict({
    lotId: Type.Optional(Uuid('must be a lot id')),
    doseNumber: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    injectionSite: Type.Optional(OneOf(INJECTION_SITES)),
    route: Type.Optional(OneOf(INJECTION_ROUTES)),
    administeredAt: Type.Optional(DateTime()),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  }),
);
export type VaccinationCorrection = Payload<typeof VaccinationCorrection>;

/** `POST /api/vaccinations/:id/reactions`: health data, stored encrypted. */
export const AdverseReactionRequest = contract(
  'AdverseReactionRequest',
  Strict({ severity: OneOf(REACTION_SEVERITIES), description: Type.String({ minLength: 1, maxLength: 1000 }) }),
);
export type AdverseReactionRequest = Payload<typeof AdverseReactionRequest>;

/** `POST /api/lots/:id/waste`. */
export const LotWasteRequest = contract(
  'LotWasteRequest',
  Strict({ doses: Type.Integer({ minimum: 1, maximum: 1000 }), reason: OneOf(WASTE_REASONS), dayId: Type.Optional(Nullable(Uuid('must be a day id'))) }),
);
export type LotWasteRequest = Payload<typeof LotWasteRequest>;
export const LotWasteRecorded = contract('LotWasteRecorded', Strict({ lotId: Type.String(), dosesLeft: Type.Integer() }));
export type LotWasteRecorded = Payload<typeof LotWasteRecorded>;

/** `GET /api/visits/:id/check-out`: what check-out offers for the next dose, the reserved appointment or a window to book one in. */
export const CheckOutPlan = contract(
  'CheckOutPlan',
  Strict({
    visitId: Type.String(),
    nextDose: Nullable(
      Strict({
        doseNumber: Type.Integer(),
        doseKind: DoseKindOf(),
        window: Strict({ earliest: Type.String(), recommended: Type.String(), latest: Type.String() }),
        reserved: Nullable(Strict({ appointmentId: Type.String(), startsAt: Type.String(), siteName: Type.String() })),
      }),
    ),
  }),
);
export type CheckOutPlan = Payload<typeof CheckOutPlan>;

const SlotId = () => Uuid('must be a slot id');

/** `POST /api/visits/:id/check-out`: keep the reserved appointment, move it to `slotId`, book `slotId` when none was reserved, or no next dose now. */
export const CheckOutRequest = contract(
  'CheckOutRequest',
  Strict({
    followUp: Type.Union(
      [
        Strict({ action: Type.Literal('confirm') }),
        Strict({ action: Type.Literal('move'), slotId: SlotId() }),
        Strict({ action: Type.Literal('book'), slotId: SlotId() }),
        Strict({ action: Type.Literal('none') }),
      ],
      { [ERROR_MESSAGE]: 'must be {action: confirm | none} or {action: move | book, slotId}' },
    ),
    earlyReason: Type.Optional(
      Nullable(Type.String({ maxLength: 500, description: 'Required while the observation period runs: why the person leaves early (stored encrypted, audited)' })),
    ),
    version: Type.Integer({ minimum: 1 }),
  }),
);
export type CheckOutRequest = Payload<typeof CheckOutRequest>;

export const PersonRevision = Strict({
  version: Type.Integer(),
  givenName: Type.String(),
  familyName: Type.String(),
  email: Type.String(),
  birthDate: Type.String(),
  reason: Type.String(),
  changedBy: Type.String(),
  changedByName: Nullable(Type.String({ description: 'The staff name of who changed it, when known' })),
  changedAt: Type.String(),
});
export type PersonRevision = Static<typeof PersonRevision>;

/** `GET /api/people/:id/history`: every version of the person and of each dose, with reasons (an audited read). */
export const PersonHistory = contract(
  'PersonHistory',
  Strict({ personId: Type.String(), revisions: Type.Array(PersonRevision), vaccinations: Type.Array(Vaccination.schema) }),
);
export type PersonHistory = Payload<typeof PersonHistory>;

/** `GET /api/audit-events`: identifiers, and the names of staff and people for the admins who read the log (each person shown is audited). */
export const AuditEvent = Strict({
  id: Type.String(),
  occurredAt: Type.String(),
  actorSubject: Type.String(),
  actorName: Nullable(Type.String({ description: 'The staff name of the actor, when it is a staff account of this tenant' })),
  actorKind: Type.String(),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Nullable(Type.String()),
  subjectName: Nullable(Type.String({ description: "The person's name when the subject is a person" })),
  requestId: Type.String(),
  clientIp: Type.String(),
});
export type AuditEvent = Static<typeof AuditEvent>;

export const AuditEventPage = contract('AuditEventPage', Strict({ items: Type.Array(AuditEvent), total: Type.Integer() }));
export type AuditEventPage = Payload<typeof AuditEventPage>;

const Instant = () => Text('must be a date or date-time (ISO 8601)', { format: 'date-or-date-time' });

/** `GET /api/audit-events?from=&to=&subjectId=&actor=&action=&limit=&offset=` (and the CSV export). */
export const AuditEventsQuery = contract(
  'AuditEventsQuery',
  Strict({
    from: Type.Optional(Instant()),
    to: Type.Optional(Instant()),
    subjectId: Type.Optional(Uuid('must be an id')),
    actor: Type.Optional(Type.String({ maxLength: 200, description: 'Staff account id or identity-provider subject' })),
    action: Type.Optional(Text('must look like person.read', { pattern: '^[a-z_]+\\.[a-z_]+$', examples: ['person.read'] })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  }),
);
export type AuditEventsQuery = Payload<typeof AuditEventsQuery>;

/**
 * `POST /api/audit-events/search` (and `/export.csv`): the query's filters plus names, sent in the body
 * because a name never goes into a URL. `person` matches people's names, `staff` staff names (parts, any case).
 */
export const AuditEventSearch = contract(
  'AuditEventSearch',
  Strict({
    ...AuditEventsQuery.schema.properties,
    person: Type.Optional(SingleLine(200, { description: "Part of a person's name" })),
    staff: Type.Optional(SingleLine(200, { description: 'Part of a staff name' })),
  }),
);
export type AuditEventSearch = Payload<typeof AuditEventSearch>;

/** `GET /api/vaccination-days/:id/report`: the day in numbers, and the doses given (doctors and admins only). */
export const DayReport = contract(
  'DayReport',
  Strict({
    dayId: Type.String(),
    date: Type.String(),
    siteName: Type.String(),
    booked: Type.Integer(),
    vaccinated: Type.Array(Strict({ productName: Type.String(), doseNumber: Type.Integer(), count: Type.Integer() })),
    noShows: Type.Integer(),
    walkIns: Type.Integer(),
    cancelled: Type.Integer(),
    waste: Type.Array(Strict({ lotNumber: Type.String(), doses: Type.Integer(), reason: OneOf(WASTE_REASONS) })),
    dosesLeft: Type.Array(Strict({ lotNumber: Type.String(), productName: Type.String(), dosesLeft: Type.Integer() })),
    doses: Type.Array(
      Strict({
        vaccinationId: Type.String(),
        administeredAt: Type.String(),
        person: Strict({ id: Type.String(), givenName: Type.String(), familyName: Type.String(), birthDate: Type.String() }),
        productName: Type.String(),
        doseNumber: Type.Integer(),
        lotNumber: Type.String(),
        vaccinator: StaffRef,
      }),
      { description: 'Who was vaccinated with which lot by whom, in the order given (personal data: each person listed is audited)' },
    ),
  }),
);
export type DayReport = Payload<typeof DayReport>;

/** `GET /api/visits/:id`: what staff need for the questions, the documentation and check-out (audited read). */
export const VisitDetail = contract(
  'VisitDetail',
  Strict({
    id: Type.String(),
    dayId: Type.String(),
    appointmentId: Type.String(),
    state: OneOf(VISIT_STATES),
    walkIn: Type.Boolean(),
    version: Type.Integer(),
    person: Strict({ id: Type.String(), givenName: Type.String(), familyName: Type.String(), birthDate: Type.String() }),
    product: Strict({ id: Type.String(), name: Type.String() }),
    /** The questionnaire to answer: the one answered, or the current one when not answered yet. */
    questionnaire: Questionnaire.schema,
    answers: Nullable(Strict({ answers: Type.Record(Type.String(), OneOf(['yes', 'no'])), note: Nullable(Type.String()), flagged: Type.Array(Type.String()) })),
    consent: Type.Boolean(),
    derivedDoseNumber: Type.Integer({ description: "The dose number the person's history gives for the next dose of this vaccine" }),
    usableLots: Type.Array(Strict({ id: Type.String(), lotNumber: Type.String(), expiryDate: Type.String(), dosesLeft: Type.Integer(), assignedToDay: Type.Boolean() }), {
      description: "Lots of the product that can be used now: in stock and not expired, the day's lots first",
    }),
    flagsAcknowledged: Nullable(Strict({ by: StaffRef, at: Type.String() }, { description: "The doctor's acknowledgement of the flagged answers; null until given" })),
    observationUntil: Nullable(Type.String()),
    vaccination: Nullable(Vaccination.schema),
  }),
);
export type VisitDetail = Payload<typeof VisitDetail>;
