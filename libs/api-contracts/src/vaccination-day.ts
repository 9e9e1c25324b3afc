import { Type, type Static } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { IsoDate, OneOf, Strict, Text, Uuid } from './contract/schema';

export const DOSE_KINDS = ['first', 'followUp', 'booster'] as const;
export type DoseKind = (typeof DOSE_KINDS)[number];

const Places = () => Type.Integer({ minimum: 0, maximum: 500 });
export const CapacityByDoseKind = Strict({ first: Places(), followUp: Places(), booster: Places() });
export type CapacityByDoseKind = Static<typeof CapacityByDoseKind>;

const DayLot = Strict({ lotId: Uuid('must be a lot id'), doses: Type.Integer({ minimum: 1, maximum: 100_000 }) });
const Time = () => Text('must be a time (HH:MM)', { pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: "Local time in the tenant's time zone" });

/** `POST /api/vaccination-days`. */
export const VaccinationDayInput = contract(
  'VaccinationDayInput',
  Strict({
    siteId: Uuid('must be a site id'),
    date: IsoDate(),
    opensAt: Time(),
    closesAt: Time(),
    slotMinutes: Type.Integer({ minimum: 5, maximum: 120 }),
    capacityPerSlot: CapacityByDoseKind,
    /** Lots and how many of their doses this day may use; the day never books more doses in total. */
    lots: Type.Array(DayLot, { minItems: 1, maxItems: 20 }),
  }),
);
export type VaccinationDayInput = Payload<typeof VaccinationDayInput>;

/** `PATCH /api/vaccination-days/:id`: lowering capacity below what is booked is refused, never applied silently. */
export const VaccinationDayChange = contract(
  'VaccinationDayChange',
  Strict({
    capacityPerSlot: Type.Optional(CapacityByDoseKind),
    lots: Type.Optional(Type.Array(DayLot, { minItems: 1, maxItems: 20 })),
    version: Type.Integer({ minimum: 1 }),
  }),
);
export type VaccinationDayChange = Payload<typeof VaccinationDayChange>;

export const Slot = Strict({ id: Type.String(), startsAt: Type.String(), endsAt: Type.String(), capacity: CapacityByDoseKind, booked: CapacityByDoseKind });
export type Slot = Static<typeof Slot>;

export type VaccinationDayStatus = 'scheduled' | 'cancelled';

const DaySummary = {
  id: Type.String(),
  siteId: Type.String(),
  date: Type.String(),
  opensAt: Type.String(),
  closesAt: Type.String(),
  slotMinutes: Type.Integer(),
  status: OneOf(['scheduled', 'cancelled']),
  productIds: Type.Array(Type.String()),
  lots: Type.Array(Strict({ lotId: Type.String(), doses: Type.Integer() })),
  dosesCap: Type.Integer(),
  dosesBooked: Type.Integer(),
  version: Type.Integer(),
};

export const VaccinationDay = contract('VaccinationDay', Strict({ ...DaySummary, slots: Type.Array(Slot) }));
export type VaccinationDay = Payload<typeof VaccinationDay>;

/** `GET /api/vaccination-days?from=`: days from a date on (today when absent), without their slots. */
export const VaccinationDaySummary = contract('VaccinationDaySummary', Strict(DaySummary));
export type VaccinationDaySummary = Payload<typeof VaccinationDaySummary>;
export const VaccinationDaysQuery = contract('VaccinationDaysQuery', Strict({ from: Type.Optional(IsoDate()) }));
export type VaccinationDaysQuery = Payload<typeof VaccinationDaysQuery>;

export const CancelledVaccinationDay = contract('CancelledVaccinationDay', Strict({ day: VaccinationDay.schema, bookingsNotified: Type.Integer() }));
export type CancelledVaccinationDay = Payload<typeof CancelledVaccinationDay>;

/** `GET /api/vaccination-days/:id/appointments`: who comes when (personal data, audited). */
export const DayAppointment = contract(
  'DayAppointment',
  Strict({
    appointmentId: Type.String(),
    bookingCode: Type.String(),
    startsAt: Type.String(),
    endsAt: Type.String(),
    doseKind: OneOf(DOSE_KINDS),
    doseNumber: Type.Integer(),
    productName: Type.String(),
    status: OneOf(['booked', 'cancelled']),
    person: Strict({ givenName: Type.String(), familyName: Type.String(), birthDate: Type.String() }),
  }),
);
export type DayAppointment = Payload<typeof DayAppointment>;

/**
 * `POST /api/vaccination-days/series`: the same day every `everyWeeks` weeks from `firstDate` on,
 * `occurrences` times (e.g. every Tuesday for six weeks), created in one transaction: all or none.
 */
export const VaccinationDaySeriesInput = contract(
  'VaccinationDaySeriesInput',
  Strict({
    day: Type.Omit(VaccinationDayInput.schema, ['date'], { additionalProperties: false }),
    firstDate: IsoDate(),
    everyWeeks: Type.Integer({ minimum: 1, maximum: 4, default: 1 }),
    occurrences: Type.Integer({ minimum: 1, maximum: 26, examples: [6] }),
  }),
);
export type VaccinationDaySeriesInput = Payload<typeof VaccinationDaySeriesInput>;

/** Why a planned date may be a poor choice: it is planned all the same, and the planner is told. */
export const DayWarning = Strict({
  date: Type.String({ format: 'date' }),
  code: OneOf(['site_closed', 'public_holiday']),
  message: Type.String(),
});
export type DayWarning = Static<typeof DayWarning>;

export const VaccinationDaySeries = contract('VaccinationDaySeries', Strict({ days: Type.Array(VaccinationDaySummary.schema), warnings: Type.Array(DayWarning) }));
export type VaccinationDaySeries = Payload<typeof VaccinationDaySeries>;

/** `GET /api/vaccination-days/calendar-warnings?siteId=&from=&to=`: closed days and public holidays (at most 62 days). */
export const CalendarWarningsQuery = contract('CalendarWarningsQuery', Strict({ siteId: Uuid('must be a site id'), from: IsoDate(), to: IsoDate() }));
export type CalendarWarningsQuery = Payload<typeof CalendarWarningsQuery>;
export const CalendarWarnings = contract('CalendarWarnings', Strict({ warnings: Type.Array(DayWarning) }));
export type CalendarWarnings = Payload<typeof CalendarWarnings>;
