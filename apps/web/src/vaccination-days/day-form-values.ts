import { DOSE_KINDS, type CapacityByDoseKind, type DoseKind, type Lot, type VaccinationDayInput } from '@vaccinate/api-contracts';
import type { TFunction } from 'i18next';
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

function wholeNumber(value: string): number | null {
  if (!/^\d+$/.test(value.trim())) return null;
  return Number(value);
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

/**
 * Checks a new day before it is sent: a date not in the past, opening hours that hold at least one
 * slot, whole capacities with at least one bookable place, and lots that exist, appear once and
 * have the doses promised to the day still unassigned.
 */
export function validateDayForm(values: DayFormValues, lots: readonly Lot[], t: TFunction, today = new Date()): DayFormResult {
  const errors: FieldErrors<DayField> = {};
  if (!values.siteId) errors.siteId = t('validation.required');
  if (!values.date) errors.date = t('validation.required');
  else if (values.date < today.toISOString().slice(0, 10)) errors.date = t('days.form.dateInPast');

  const opens = minutesOf(values.opensAt);
  const closes = minutesOf(values.closesAt);
  if (opens === null) errors.opensAt = t('days.form.time');
  if (closes === null) errors.closesAt = t('days.form.time');
  else if (opens !== null && closes <= opens) errors.closesAt = t('days.form.closesBeforeOpens');

  const length = wholeNumber(values.slotMinutes);
  if (length === null || length < 5 || length > 240) errors.slotMinutes = t('days.form.slotMinutes', { min: 5, max: 240 });
  else if (!errors.opensAt && !errors.closesAt && slotCount(values) === 0) errors.slotMinutes = t('days.form.noSlot');

  const capacity = parseCapacity(values.capacity);
  if (!capacity) errors.capacityPerSlot = t('days.form.capacityWhole');
  else if (DOSE_KINDS.every((kind) => capacity[kind] === 0)) errors.capacityPerSlot = t('days.form.capacityNone');

  const chosen = values.lots.filter((row) => row.lotId || row.doses.trim());
  const lotProblems: string[] = [];
  if (chosen.length === 0) lotProblems.push(t('days.form.lotsNone'));
  const seen = new Set<string>();
  for (const row of chosen) {
    const lot = lots.find((candidate) => candidate.id === row.lotId);
    const doses = wholeNumber(row.doses);
    if (!lot) lotProblems.push(t('days.form.lotChoose'));
    else if (seen.has(lot.id)) lotProblems.push(t('days.form.lotTwice', { lot: lot.lotNumber }));
    else if (doses === null || doses < 1) lotProblems.push(t('days.form.lotDoses', { lot: lot.lotNumber }));
    else if (doses > lot.dosesReceived - lot.dosesAssigned - lot.dosesWasted) {
      lotProblems.push(t('days.form.lotTooMany', { lot: lot.lotNumber, count: lot.dosesReceived - lot.dosesAssigned - lot.dosesWasted }));
    } else if (values.date && lot.expiryDate < values.date) lotProblems.push(t('days.form.lotExpired', { lot: lot.lotNumber }));
    if (lot) seen.add(lot.id);
  }
  if (lotProblems.length > 0) errors.lots = lotProblems.join(' ');

  if (Object.keys(errors).length > 0 || !capacity || length === null) return { errors, input: null };
  return {
    errors: {},
    input: {
      siteId: values.siteId,
      date: values.date,
      opensAt: values.opensAt,
      closesAt: values.closesAt,
      slotMinutes: length,
      capacityPerSlot: capacity,
      lots: chosen.map((row) => ({ lotId: row.lotId, doses: Number(row.doses) })),
    },
  };
}
