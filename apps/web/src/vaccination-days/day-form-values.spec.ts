import type { Lot } from '@vaccinate/api-contracts';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { EMPTY_DAY_FORM, slotCount, validateDayForm, type DayFormValues } from './day-form-values';

const t = createI18n('en').t;
const today = new Date('2026-05-20T09:00:00Z');
const lot: Lot = {
  id: 'lot-1',
  productId: 'prod-comirnaty',
  lotNumber: 'FK1234',
  expiryDate: '2026-09-30',
  dosesReceived: 600,
  dosesAssigned: 400,
  dosesUsed: 100,
  dosesWasted: 20,
};
const valid: DayFormValues = { ...EMPTY_DAY_FORM, siteId: 'site-hq', date: '2026-06-01', lots: [{ lotId: 'lot-1', doses: '150' }] };

describe('vaccination day form', () => {
  it('turns valid values into the API input', () => {
    const result = validateDayForm(valid, [lot], t, today);
    expect(result.errors).toEqual({});
    expect(result.input).toEqual({
      siteId: 'site-hq',
      date: '2026-06-01',
      opensAt: '08:00',
      closesAt: '16:00',
      slotMinutes: 10,
      capacityPerSlot: { first: 2, followUp: 2, booster: 0 },
      lots: [{ lotId: 'lot-1', doses: 150 }],
    });
    expect(slotCount(valid)).toBe(48);
  });

  it('reports every problem with a translated message', () => {
    const result = validateDayForm(
      {
        siteId: '',
        date: '2026-05-01',
        opensAt: '16:00',
        closesAt: '08:00',
        slotMinutes: '2',
        capacity: { first: '0', followUp: '0', booster: '0' },
        lots: [{ lotId: '', doses: '' }],
      },
      [lot],
      t,
      today,
    );
    expect(result.input).toBeNull();
    expect(result.errors).toEqual({
      siteId: 'Please fill in this field.',
      date: 'The date cannot be in the past.',
      closesAt: 'The closing time must be after the opening time.',
      slotMinutes: 'Please enter whole minutes from 5 to 240.',
      capacityPerSlot: 'At least one dose kind needs places.',
      lots: 'Assign at least one lot.',
    });
  });

  it('refuses fractional places, opening hours shorter than a slot and lots that cannot give the doses', () => {
    const result = validateDayForm(
      {
        ...valid,
        opensAt: '08:00',
        closesAt: '08:05',
        capacity: { first: '1.5', followUp: '2', booster: '' },
        lots: [
          { lotId: 'lot-1', doses: '200' },
          { lotId: 'lot-1', doses: '1' },
        ],
      },
      [lot],
      t,
      today,
    );
    expect(result.errors).toEqual({
      slotMinutes: 'The opening hours are shorter than one slot.',
      capacityPerSlot: 'Please enter whole numbers of places, 0 or more.',
      lots: 'Lot FK1234 has only 180 doses not yet assigned. Lot FK1234 is listed twice.',
    });
  });

  it('refuses a lot that expires before the day', () => {
    const result = validateDayForm({ ...valid, date: '2026-10-01' }, [lot], t, today);
    expect(result.errors).toEqual({ lots: 'Lot FK1234 expires before this day.' });
  });
});
