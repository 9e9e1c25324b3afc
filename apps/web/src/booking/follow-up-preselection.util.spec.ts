import type { AvailableDay, FollowUpAvailability } from '@vaccinate/api-contracts';
import { describe, expect, it } from 'vitest';
import { slot } from '../test/booking-fixtures';
import { preselectFollowUp } from './follow-up-preselection.util';

const window = { earliest: '2026-06-22', recommended: '2026-06-29', latest: '2026-07-13' };

function day(date: string, siteId: string, slots: AvailableDay['slots']): AvailableDay {
  return { dayId: `${siteId}-${date}`, date, siteId, slots };
}

function availability(days: AvailableDay[]): FollowUpAvailability {
  return { window, days };
}

describe('preselectFollowUp', () => {
  it('takes the first free slot of the recommended date at the same site', () => {
    const choice = preselectFollowUp(
      availability([
        day('2026-06-22', 'hq', [slot('a', '2026-06-22', '08:00', 5)]),
        day('2026-06-29', 'hq', [slot('full', '2026-06-29', '08:00', 0), slot('late', '2026-06-29', '09:00', 1), slot('early', '2026-06-29', '08:30', 2)]),
        day('2026-06-29', 'plant', [slot('other-site', '2026-06-29', '07:00', 9)]),
      ]),
      'hq',
    );
    expect(choice).toMatchObject({ slotId: 'early', date: '2026-06-29', siteId: 'hq', dayId: 'hq-2026-06-29' });
  });

  it('takes the nearest date when the recommended one is full, the later one on a tie', () => {
    const days = [
      day('2026-06-29', 'hq', [slot('full', '2026-06-29', '08:00', 0)]),
      day('2026-06-27', 'hq', [slot('before', '2026-06-27', '08:00', 1)]),
      day('2026-07-01', 'hq', [slot('after', '2026-07-01', '08:00', 1)]),
      day('2026-06-24', 'hq', [slot('far', '2026-06-24', '08:00', 1)]),
    ];
    expect(preselectFollowUp(availability(days), 'hq')?.slotId).toBe('after');
    expect(preselectFollowUp(availability(days.filter((d) => d.date !== '2026-07-01')), 'hq')?.slotId).toBe('before');
  });

  it('keeps the same site over a closer date elsewhere, and falls back to another site only when it must', () => {
    const days = [day('2026-06-29', 'plant', [slot('plant', '2026-06-29', '08:00', 1)]), day('2026-07-10', 'hq', [slot('hq-late', '2026-07-10', '08:00', 1)])];
    expect(preselectFollowUp(availability(days), 'hq')?.slotId).toBe('hq-late');
    expect(preselectFollowUp(availability(days.slice(0, 1)), 'hq')?.slotId).toBe('plant');
  });

  it('never offers a date outside the window, and nothing when nothing is free', () => {
    expect(preselectFollowUp(availability([day('2026-07-20', 'hq', [slot('outside', '2026-07-20', '08:00', 3)])]), 'hq')).toBeNull();
    expect(preselectFollowUp(availability([day('2026-06-29', 'hq', [slot('full', '2026-06-29', '08:00', 0)])]), 'hq')).toBeNull();
    expect(preselectFollowUp(availability([]), 'hq')).toBeNull();
  });
});
