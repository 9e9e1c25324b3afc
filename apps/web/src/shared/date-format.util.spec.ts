import { describe, expect, it } from 'vitest';
import { formatAppointment, formatDateTime, formatTime, localDateOf } from './date-format.util';

describe('times in the tenant time zone', () => {
  it('shows an instant as the wall-clock time of the given zone', () => {
    expect(formatTime('2026-12-01T07:00:00Z', 'en', 'Europe/Berlin')).toBe('08:00');
    expect(formatTime('2026-12-01T07:00:00Z', 'de', 'Europe/Berlin')).toBe('08:00');
    // Summer time: two hours ahead of UTC.
    expect(formatTime('2026-06-01T06:00:00Z', 'en', 'Europe/Berlin')).toBe('08:00');
    expect(formatTime('2026-12-01T07:00:00Z', 'en', 'America/New_York')).toBe('02:00');
  });

  it('takes the calendar date from the zone, so a late time can be the next day', () => {
    expect(localDateOf('2026-12-01T23:30:00Z', 'Europe/Berlin')).toBe('2026-12-02');
    expect(localDateOf('2026-12-01T23:30:00Z', 'America/New_York')).toBe('2026-12-01');
    expect(formatAppointment('2026-12-01T23:30:00Z', '2026-12-01T23:40:00Z', 'en', 'Europe/Berlin')).toBe('Wednesday, December 2, 2026, 00:30–00:40');
    expect(formatDateTime('2026-12-01T07:05:00Z', 'en', 'Europe/Berlin')).toContain('08:05');
  });

  it('uses the browser zone without one and leaves unparseable input as it is', () => {
    const instant = '2026-12-01T07:00:00Z';
    const date = new Date(instant);
    const local = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
    expect(formatTime(instant, 'en')).toBe(local);
    expect(formatTime('not a time', 'en', 'Europe/Berlin')).toBe('not a time');
  });
});
