import { describe, expect, it } from 'vitest';
import { isTimeZone } from '../shared/date-format.util';
import { requiresEmployeeNumber, tenantTimeZone } from './tenant-settings';

describe('tenant settings from the catalogue', () => {
  it('reads the catalogue settings defensively', () => {
    const products: never[] = [];
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(tenantTimeZone({ products, timeZone: 'Europe/Berlin' })).toBe('Europe/Berlin');
    expect(tenantTimeZone({ products, timeZone: 'Mars/Olympus_Mons' })).toBeUndefined();
    expect(tenantTimeZone({ products, timeZone: 60 })).toBeUndefined();
    expect(tenantTimeZone({ products })).toBeUndefined();
    expect(requiresEmployeeNumber({ products, requireEmployeeNumber: true })).toBe(true);
    expect(requiresEmployeeNumber({ products, requireEmployeeNumber: 'true' })).toBe(false);
    expect(requiresEmployeeNumber({ products })).toBe(false);
  });
});
