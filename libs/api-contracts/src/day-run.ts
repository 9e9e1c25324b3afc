import { Type, type Static } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { Nullable, OneOf, SingleLine, Strict, Text, Uuid } from './contract/schema';
import type { DoseKind } from './vaccination-day';

/** Where a person is on the vaccination day. `booked` and `cancelled` come from the appointment, the rest from the visit. */
export type VisitState = 'checked_in' | 'in_consultation' | 'observation' | 'done' | 'no_show';
export type BoardState = 'booked' | VisitState | 'cancelled';

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

/** A yes/no question before vaccination. A `flagWhen` answer makes a doctor look before the dose and lengthens observation. */
export const QuestionnaireQuestion = Strict({
  key: Text('must be 1-40 lowercase letters, digits or _', { pattern: '^[a-z][a-z0-9_]{0,39}$', examples: ['fever_today'], description: 'Stable key; answers refer to it' }),
  text: Strict({ de: SingleLine(300), en: SingleLine(300) }),
  flagWhen: Nullable(OneOf(['yes', 'no'])),
});
export type QuestionnaireQuestion = Static<typeof QuestionnaireQuestion>;

export const Questionnaire = contract('Questionnaire', Strict({ version: Type.Integer(), questions: Type.Array(QuestionnaireQuestion) }));
export type Questionnaire = Payload<typeof Questionnaire>;

/** `PUT /api/questionnaire`: a new version, based on `version`. */
export const QuestionnaireChange = contract(
  'QuestionnaireChange',
  Strict({ questions: Type.Array(QuestionnaireQuestion, { minItems: 1, maxItems: 40 }), version: Type.Integer({ minimum: 0, description: 'The version this change is based on' }) }),
);
export type QuestionnaireChange = Payload<typeof QuestionnaireChange>;

export type QuestionnaireAnswer = 'yes' | 'no';

/** What the person answered, and their consent. Health data: encrypted at rest, every read audited. */
export interface VisitAnswers {
  questionnaireVersion: number;
  answers: Record<string, QuestionnaireAnswer>;
  /** Free text for anything the questions did not cover. */
  note?: string | null;
  consent: boolean;
}

/** One row of the day board. Names and birth date are personal data: reading the board is audited per person. */
export interface BoardEntry {
  appointmentId: string;
  visitId: string | null;
  bookingCode: string;
  personId: string;
  person: { givenName: string; familyName: string; birthDate: string };
  productId: string;
  productName: string;
  startsAt: string;
  doseKind: DoseKind;
  doseNumber: number;
  state: BoardState;
  walkIn: boolean;
  checkedInAt: string | null;
  answered: boolean;
  consent: boolean;
  /** Keys of answers that need a doctor's look; empty when none or not answered yet. */
  flaggedAnswers: string[];
  observationUntil: string | null;
  vaccinationId: string | null;
  version: number | null;
}

export interface BoardCounters {
  booked: number;
  arrived: number;
  vaccinated: number;
  noShows: number;
  walkIns: number;
  /** Doses left in the day's lots: received minus used minus wasted, per lot. */
  lots: { lotId: string; lotNumber: string; productId: string; expiryDate: string; dosesLeft: number }[];
}

export interface DayBoard {
  dayId: string;
  date: string;
  siteId: string;
  siteName: string;
  entries: BoardEntry[];
  counters: BoardCounters;
}

export interface CheckInRequest {
  /** The booking code from the QR or typed, or the appointment picked from today's list. */
  bookingCode?: string;
  appointmentId?: string;
  identityChecked: boolean;
  identityDocument: IdentityDocument;
}

export interface WalkInRequest {
  person: { givenName: string; familyName: string; email: string; birthDate: string; employeeNumber?: string | null };
  productId: string;
  identityDocument: IdentityDocument;
  identityChecked: boolean;
}

export interface DocumentVaccinationRequest {
  lotId: string;
  /** Derived from the person's history when absent; a different number needs a reason. */
  doseNumber?: number;
  doseNumberReason?: string | null;
  injectionSite: InjectionSite;
  route: InjectionRoute;
  /** Staff id of who gave the dose; the documenting doctor when absent. */
  vaccinator?: string;
  /** When the dose was given; now when absent. */
  administeredAt?: string;
  version: number;
}

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

/** What check-out offers for the next dose: the reserved appointment, or a window to book one in. */
export interface CheckOutPlan {
  visitId: string;
  nextDose: {
    doseNumber: number;
    doseKind: DoseKind;
    window: { earliest: string; recommended: string; latest: string };
    reserved: { appointmentId: string; startsAt: string; siteName: string } | null;
  } | null;
}

export interface CheckOutRequest {
  /** Keep the reserved appointment, move it to `slotId`, book `slotId` when none was reserved, or no next dose now. */
  followUp: { action: 'confirm' } | { action: 'move'; slotId: string } | { action: 'book'; slotId: string } | { action: 'none' };
  version: number;
}

export const PersonRevision = Strict({
  version: Type.Integer(),
  givenName: Type.String(),
  familyName: Type.String(),
  email: Type.String(),
  birthDate: Type.String(),
  reason: Type.String(),
  changedBy: Type.String(),
  changedAt: Type.String(),
});
export type PersonRevision = Static<typeof PersonRevision>;

/** `GET /api/people/:id/history`: every version of the person and of each dose, with reasons (an audited read). */
export const PersonHistory = contract('PersonHistory', Strict({ personId: Type.String(), revisions: Type.Array(PersonRevision), vaccinations: Type.Array(Vaccination.schema) }));
export type PersonHistory = Payload<typeof PersonHistory>;

/** `GET /api/audit-events`: identifiers only, never personal values. */
export const AuditEvent = Strict({
  id: Type.String(),
  occurredAt: Type.String(),
  actorSubject: Type.String(),
  actorKind: Type.String(),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Nullable(Type.String()),
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

export interface DayReport {
  dayId: string;
  date: string;
  siteName: string;
  booked: number;
  vaccinated: { productName: string; doseNumber: number; count: number }[];
  noShows: number;
  walkIns: number;
  cancelled: number;
  waste: { lotNumber: string; doses: number; reason: WasteReason }[];
  dosesLeft: { lotNumber: string; productName: string; dosesLeft: number }[];
}

/** `GET /api/visits/:id`: what staff need for the questions, the documentation and check-out (audited read). */
export interface VisitDetail {
  id: string;
  dayId: string;
  appointmentId: string;
  state: VisitState;
  walkIn: boolean;
  version: number;
  person: { id: string; givenName: string; familyName: string; birthDate: string };
  product: { id: string; name: string };
  /** The questionnaire to answer: the one answered, or the current one when not answered yet. */
  questionnaire: Questionnaire;
  answers: { answers: Record<string, QuestionnaireAnswer>; note: string | null; flagged: string[] } | null;
  consent: boolean;
  /** The dose number the person's history gives for the next dose of this vaccine. */
  derivedDoseNumber: number;
  /** Lots of the product that can be used now: in stock and not expired, the day's lots first. */
  usableLots: { id: string; lotNumber: string; expiryDate: string; dosesLeft: number; assignedToDay: boolean }[];
  observationUntil: string | null;
  vaccination: Vaccination | null;
}
