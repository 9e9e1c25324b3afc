import { DOSE_KINDS, VaccinationDayChange, VaccinationDayInput, type CapacityByDoseKind, type DoseKind, type FieldProblem, type Lot } from '@vaccinate/api-contracts';
import type { TFunction } from 'i18next';
import { checkForm } from '../shared/api/contract-form';
import type { FieldErrors } from '../shared/api/field-errors';

export const DAY_FIELDS = ['siteId', 'date', 'opensAt', 'closesAt', 'slotMinutes', 'capacityPerSlot', 'lots'] as const;
export type DayField = (typeof DAY_FIELDS)[number];

export interface DayFormValues {
  siteId: string;
  date: string;
  opensAt: string;
  closesAt: string;
  slotMinutes: string;
  capacity: Record<DoseKind, string>;
  lots: Array<{ lotId: string; doses: string }>;
}

export const EMPTY_DAY_FORM: DayFormValues = {
  siteId: '',
  date: '',
  opensAt: '08:00',
  closesAt: '16:00',
  slotMinutes: '10',
  capacity: { first: '2', followUp: '2', booster: '0' },
  lots: [{ lotId: '', doses: '' }],
};

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(time: string): number | null {
  const match = TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Text of digits only as its number; anything else (1.5, 1e3, empty) as NaN, which no integer rule accepts. */
function whole(value: string): number {
  return /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
}

const capacityOf = (capacity: Record<DoseKind, string>): CapacityByDoseKind => ({
  first: whole(capacity.first),
  followUp: whole(capacity.followUp),
  booster: whole(capacity.booster),
});

function wholeNumber(value: string): number | null {
  return Number.isNaN(whole(value)) ? null : Number(value);
}

/** How many slots the opening hours give; 0 when the times do not make sense. */
export function slotCount(values: Pick<DayFormValues, 'opensAt' | 'closesAt' | 'slotMinutes'>): number {
  const opens = minutesOf(values.opensAt);
  const closes = minutesOf(values.closesAt);
  const length = wholeNumber(values.slotMinutes);
  if (opens === null || closes === null || !length || closes <= opens) return 0;
  return Math.floor((closes - opens) / length);
}

export function parseCapacity(capacity: Record<DoseKind, string>): CapacityByDoseKind | null {
  const parsed = Object.fromEntries(DOSE_KINDS.map((kind) => [kind, wholeNumber(capacity[kind])])) as Record<DoseKind, number | null>;
  return DOSE_KINDS.every((kind) => parsed[kind] !== null) ? (parsed as CapacityByDoseKind) : null;
}

export type DayFormResult = { errors: FieldErrors<DayField>; input: null } | { errors: Record<string, never>; input: VaccinationDayInput };

const dayProperties = VaccinationDayInput.schema.properties;
/** The limits the API enforces, read from its contract rather than restated. */
export const SLOT_MINUTES = { min: dayProperties.slotMinutes.minimum ?? 1, max: dayProperties.slotMinutes.maximum ?? 1 };
const MAX_PLACES = dayProperties.capacityPerSlot.properties.first.maximum ?? 0;

/** The rows a person filled in; a row left wholly empty is not a lot. */
const chosenLots = (values: DayFormValues) => values.lots.filter((row) => row.lotId || row.doses.trim());

/** The request as the form would send it: numbers where the API takes numbers (NaN for text that is none). */
export function dayInputFromForm(values: DayFormValues): VaccinationDayInput {
  return {
    siteId: values.siteId,
    date: values.date,
    opensAt: values.opensAt,
    closesAt: values.closesAt,
    slotMinutes: whole(values.slotMinutes),
    capacityPerSlot: capacityOf(values.capacity),
    lots: chosenLots(values).map((row) => ({ lotId: row.lotId, doses: whole(row.doses) })),
  };
}

/** What a schema cannot say about lots: each exists, appears once, still has the doses and keeps until the day. */
function lotProblems(values: DayFormValues, lots: readonly Lot[], t: TFunction): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const row of chosenLots(values)) {
    const lot = lots.find((candidate) => candidate.id === row.lotId);
    const unassigned = lot ? lot.dosesReceived - lot.dosesAssigned - lot.dosesWasted : 0;
    if (!lot) problems.push(t('days.form.lotChoose'));
    else if (seen.has(lot.id)) problems.push(t('days.form.lotTwice', { lot: lot.lotNumber }));
    else if (Number(row.doses) > unassigned) problems.push(t('days.form.lotTooMany', { lot: lot.lotNumber, count: unassigned }));
    else if (values.date && lot.expiryDate < values.date) problems.push(t('days.form.lotExpired', { lot: lot.lotNumber }));
    if (lot) seen.add(lot.id);
  }
  return problems;
}

/**
 * Checks a new day before it is sent, with the API's contract (a site and date given, times, slot
 * length, whole capacities and lot doses within their limits), then what the contract cannot say:
 * a date not in the past, opening hours that hold at least one slot, at least one bookable place,
 * and lots that exist, appear once and have the doses promised to the day still unassigned.
 */
export function validateDayForm(values: DayFormValues, lots: readonly Lot[], t: TFunction, today = new Date()): DayFormResult {
  const input = dayInputFromForm(values);
  const more: FieldErrors<DayField> = {};
  if (values.date && values.date < today.toISOString().slice(0, 10)) more.date = t('days.form.dateInPast');
  const opens = minutesOf(values.opensAt);
  const closes = minutesOf(values.closesAt);
  if (opens !== null && closes !== null && closes <= opens) more.closesAt = t('days.form.closesBeforeOpens');
  else if (opens !== null && closes !== null && slotCount(values) === 0) more.slotMinutes = t('days.form.noSlot');
  if (DOSE_KINDS.every((kind) => input.capacityPerSlot[kind] === 0)) more.capacityPerSlot = t('days.form.capacityNone');
  const lotTexts = lotProblems(values, lots, t);
  if (lotTexts.length > 0) more.lots = lotTexts.join(' ');

  const rowOf = (problem: FieldProblem) => lots.find((lot) => lot.id === input.lots[Number(problem.field.split('.')[1])]?.lotId);
  const errors = checkForm(VaccinationDayInput, input, DAY_FIELDS, t, more, '', {
    opensAt: t('days.form.time'),
    closesAt: t('days.form.time'),
    slotMinutes: t('days.form.slotMinutes', SLOT_MINUTES),
    capacityPerSlot: t('days.form.capacityWhole', { max: MAX_PLACES }),
    lots: (problem) => {
      if (problem.field === 'lots') return t('days.form.lotsNone');
      const lot = rowOf(problem);
      return problem.field.endsWith('.doses') && lot ? t('days.form.lotDoses', { lot: lot.lotNumber }) : t('days.form.lotChoose');
    },
  });
  return Object.keys(errors).length > 0 ? { errors, input: null } : { errors: {}, input };
}

/** A day's new capacity per slot, checked with the API's contract for the change. */
export function validateCapacityChange(
  capacity: Record<DoseKind, string>,
  version: number,
  t: TFunction,
): { errors: FieldErrors<'capacityPerSlot'>; change: VaccinationDayChange | null } {
  const change: VaccinationDayChange = { capacityPerSlot: capacityOf(capacity), version };
  const errors = checkForm(VaccinationDayChange, change, ['capacityPerSlot'] as const, t, {}, '', { capacityPerSlot: t('days.form.capacityWhole', { max: MAX_PLACES }) });
  return Object.keys(errors).length > 0 ? { errors, change: null } : { errors, change };
}
