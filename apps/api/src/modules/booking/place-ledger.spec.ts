import { describe, expect, it } from 'vitest';
import { PlaceLedger, type LockedSlot } from './place-ledger';

const PRODUCT = 'product-a';

function slot(slotId: string, free: Partial<LockedSlot['free']>, overrides: Partial<LockedSlot> = {}): LockedSlot {
  return { slotId, dayId: 'day-1', open: true, binding: false, products: new Set([PRODUCT]), free: { first: 0, followUp: 0, booster: 0, ...free }, ...overrides };
}

const first = (slotId: string) => ({ slotId, kind: 'first' as const, doseNumber: 1 });
const followUp = (slotId: string) => ({ slotId, kind: 'followUp' as const, doseNumber: 2 });

describe('the places of a batch', () => {
  it('goes to the first in line until the slot is full', () => {
    const ledger = new PlaceLedger([slot('s1', { first: 2 })]);
    const refusals = [1, 2, 3].map(() => ledger.take(PRODUCT, [first('s1')])?.reason ?? null);
    expect(refusals).toEqual([null, null, 'slot_full']);
    expect(ledger.takenBySlot()).toEqual([{ slotId: 's1', taken: { first: 2, followUp: 0, booster: 0 } }]);
    expect(ledger.change('s1', 'first')).toBe('slot:s1:first:0');
  });

  it('gives a two-dose booking both places or none, leaving the first for the next in line', () => {
    const ledger = new PlaceLedger([slot('s1', { first: 1 }), slot('s2', { followUp: 0 })]);
    const refused = ledger.take(PRODUCT, [first('s1'), followUp('s2')]);
    expect([refused?.reason, refused?.slotId, refused?.kind]).toEqual(['slot_full', 's2', 'followUp']);
    expect(ledger.take(PRODUCT, [first('s1')])).toBeNull();
    expect(ledger.takenBySlot()).toEqual([{ slotId: 's1', taken: { first: 1, followUp: 0, booster: 0 } }]);
  });

  it("counts a binding day's doses across its slots and refuses the day when they run out", () => {
    const ledger = new PlaceLedger([slot('s1', { first: 2 }, { binding: true }), slot('s2', { first: 2 }, { binding: true })]);
    expect(ledger.bindingDays()).toEqual(['day-1']);
    ledger.setDaysLeft(new Map([['day-1', 3]]));
    const reasons = ['s1', 's1', 's2', 's2'].map((id) => ledger.take(PRODUCT, [first(id)])?.reason ?? null);
    expect(reasons).toEqual([null, null, null, 'day_full']);
    expect(ledger.takenByDay()).toEqual([{ dayId: 'day-1', taken: 3 }]);
  });

  it('refuses a slot that is closed, unknown, or on a day without a lot of the product', () => {
    const ledger = new PlaceLedger([slot('closed', { first: 5 }, { open: false }), slot('other', { first: 5 }, { products: new Set() })]);
    expect(['closed', 'other', 'unknown'].map((id) => ledger.take(PRODUCT, [first(id)])?.reason)).toEqual(['slot_full', 'slot_full', 'slot_full']);
    expect(ledger.takenBySlot()).toEqual([]);
  });
});
