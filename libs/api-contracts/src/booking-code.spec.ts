import { describe, expect, it } from 'vitest';
import { normalizeBookingCode } from './booking-code';
import { CheckInRequest } from './day-run';

describe('booking code', () => {
  it.each(['CH84-PZ5N', 'CH84PZ5N', 'ch84pz5n', ' ch84 pz5n ', 'CH84 – PZ5N', 'cH84-pZ5n'])('reads %j as CH84-PZ5N', (typed) => {
    expect(normalizeBookingCode(typed)).toBe('CH84-PZ5N');
  });

  it('reads the letters people type for digits as the digits', () => {
    expect(normalizeBookingCode('1O2I-3L45')).toBe('1021-3145');
  });

  it('leaves a code of another length compact and upper-case', () => {
    expect(normalizeBookingCode('s-ab12')).toBe('SAB12');
  });

  it('is applied where the check-in request is read', () => {
    const read = CheckInRequest.validate({ bookingCode: 'ch84pz5n', identityChecked: true, identityDocument: 'id_card' });
    expect(read).toEqual({ ok: true, value: { bookingCode: 'CH84-PZ5N', identityChecked: true, identityDocument: 'id_card' } });
    expect(CheckInRequest.validate({ bookingCode: ' - ', identityChecked: true, identityDocument: 'id_card' }).ok).toBe(false);
  });
});
