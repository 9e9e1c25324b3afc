import type { Lot } from '@vaccinate/api-contracts';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { EMPTY_DAY_FORM, slotCount, validateCapacityChange, validateDayForm, type DayFormValues } from './day-form-values';

const t = createI18n('en').t;
const de = createI18n('de').t;
const SITE = '5d0c1f52-8b7a-4a7e-9a53-0c8f3b5e2a11';
const LOT = '9f1c2d4e-0000-4000-8000-000000000001';
const today = new Date('2026-05-20T09:00:00Z');
const lot: Lot = {
  id: LOT,
  productId: 'prod-comirnaty',
  lotNumber: 'FK1234',
  expiryDate: '2026-09-30',
  dosesReceived: 600,
  dosesAssigned: 400,
  dosesUsed: 100,
  dosesWasted: 20,
};
const valid: DayFormValues = { ...EMPTY_DAY_FORM, siteId: SITE, date: '2026-06-01', lots: [{ lotId: LOT, doses: '150' }] };

describe('vaccination day form', () => {
  it('turns valid values into the API input', () => {
    const result = validateDayForm(valid, [lot], t, today);
    expect(result.errors).toEqual({});
    expect(result.input).toEqual({
      siteId: SITE,
      date: '2026-06-01',
      opensAt: '08:00',
      closesAt: '16:00',
      slotMinutes: 10,
      capacityPerSlot: { first: 2, followUp: 2, booster: 0 },
      lots: [{ lotId: LOT, doses: 150 }],
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
      slotMinutes: 'Please enter whole minutes from 5 to 120.',
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
          { lotId: LOT, doses: '200' },
          { lotId: LOT, doses: '1' },
        ],
      },
      [lot],
      t,
      today,
    );
    expect(result.errors).toEqual({
      slotMinutes: 'The opening hours are shorter than one slot.',
      capacityPerSlot: 'Please enter whole numbers of places from 0 to 500.',
      lots: 'Lot FK1234 has only 180 doses not yet assigned. Lot FK1234 is listed twice.',
    });
  });

  it('refuses a lot that expires before the day', () => {
    const result = validateDayForm({ ...valid, date: '2026-10-01' }, [lot], t, today);
    expect(result.errors).toEqual({ lots: 'Lot FK1234 expires before this day.' });
  });

  it("holds the API's contract: its slot length, place and dose limits, and lots it can name", () => {
    const result = validateDayForm(
      {
        ...valid,
        opensAt: '8:00',
        slotMinutes: '180',
        capacity: { first: '501', followUp: '2', booster: '0' },
        lots: [{ lotId: LOT, doses: '1.5' }],
      },
      [lot],
      t,
      today,
    );
    expect(result.errors).toEqual({
      opensAt: 'Please enter a time such as 08:00.',
      slotMinutes: 'Please enter whole minutes from 5 to 120.',
      capacityPerSlot: 'Please enter whole numbers of places from 0 to 500.',
      lots: 'Enter the doses lot FK1234 gives to this day.',
    });
    expect(validateDayForm({ ...valid, lots: [{ lotId: '', doses: '10' }] }, [lot], t, today).errors).toEqual({ lots: 'Choose a lot for every row.' });
  });

  it('words every problem in German for a German reader', () => {
    const result = validateDayForm({ ...valid, siteId: '', closesAt: '25:00', slotMinutes: 'zehn', lots: [] }, [lot], de, today);
    expect(result.errors).toEqual({
      siteId: 'Bitte füllen Sie dieses Feld aus.',
      closesAt: de('days.form.time'),
      slotMinutes: de('days.form.slotMinutes', { min: 5, max: 120 }),
      lots: de('days.form.lotsNone'),
    });
    expect(Object.values(result.errors).every((text) => !/must|please/i.test(text ?? ''))).toBe(true);
  });
});

describe('capacity change', () => {
  it('sends whole places within the contract, and names the field otherwise', () => {
    expect(validateCapacityChange({ first: '3', followUp: '0', booster: '1' }, 4, t)).toEqual({
      errors: {},
      change: { capacityPerSlot: { first: 3, followUp: 0, booster: 1 }, version: 4 },
    });
    for (const first of ['', '-1', '2.5', '501']) {
      expect(validateCapacityChange({ first, followUp: '0', booster: '1' }, 4, t), first).toEqual({
        errors: { capacityPerSlot: 'Please enter whole numbers of places from 0 to 500.' },
        change: null,
      });
    }
  });
});
