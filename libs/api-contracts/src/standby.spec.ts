import { describe, expect, it } from 'vitest';
import { StandbyOptIn } from './standby';

const optIn = (phone: string, phoneRegion = 'DE') =>
  StandbyOptIn.validate({ trackingCode: 'R7KQ-4M2X-DZ', birthDate: '1980-05-01', captcha: 'solved', phone }, { phoneRegion });

describe('the standby opt-in phone number', () => {
  it("reads a number as typed into E.164, in the tenant's country when it has no country code", () => {
    for (const [typed, e164] of [
      ['0151 2345 6789', '+4915123456789'],
      [' +49 (0)30 1234567 ', '+49301234567'],
      ['+43 664 1234567', '+436641234567'],
      ['0049 151 23456789', '+4915123456789'],
    ]) {
      const result = optIn(typed ?? '');
      expect(result.ok && result.value.phone, typed).toBe(e164);
    }
  });

  it("reads a national number in an Austrian or Swiss tenant's country", () => {
    for (const [typed, region, e164] of [
      ['0664 1234567', 'AT', '+436641234567'],
      ['01 5123456', 'AT', '+4315123456'],
      ['079 123 45 67', 'CH', '+41791234567'],
      ['044 668 18 00', 'CH', '+41446681800'],
      ['+49 151 23456789', 'CH', '+4915123456789'],
    ] as const) {
      const result = optIn(typed, region);
      expect(result.ok && result.value.phone, `${typed} in ${region}`).toBe(e164);
    }
  });

  it('refuses a national number when the check knows no region', () => {
    const result = StandbyOptIn.validate({ trackingCode: 'R7KQ-4M2X-DZ', birthDate: '1980-05-01', captcha: 'solved', phone: '0664 1234567' });
    expect(result.ok ? [] : result.problems.map((problem) => problem.field)).toEqual(['phone']);
  });

  it('refuses what is no phone number with a field problem on phone', () => {
    for (const typed of ['12', '+49 12', 'call me', '+1 555 0100 0000 0000 00']) {
      const result = optIn(typed);
      expect(result.ok ? [] : result.problems.map((problem) => problem.field), typed).toEqual(['phone']);
    }
  });
});
