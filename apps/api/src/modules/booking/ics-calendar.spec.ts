import { describe, expect, it } from 'vitest';
import { calendarFile } from './ics-calendar';

describe('calendarFile', () => {
  const event = {
    uid: 'a1@acme.vaccinate',
    startsAt: new Date('2026-12-01T08:10:00Z'),
    endsAt: new Date('2026-12-01T08:20:00Z'),
    summary: 'Vaccination, dose 1 of 2: Comirnaty',
    location: 'Werksarzt; Gebäude 7, Hauptstraße 1, 10115 Berlin',
    description: 'Booking code 7KQ4-M2XD\nBring an ID.',
    cancelled: false,
  };

  it('writes events in UTC with escaped text and CRLF line ends', () => {
    const ics = calendarFile([event], undefined, new Date('2026-11-23T10:00:00Z'));
    expect(ics).toContain('DTSTART:20261201T081000Z\r\n');
    expect(ics).toContain('DTSTAMP:20261123T100000Z');
    expect(ics).toContain('SUMMARY:Vaccination\\, dose 1 of 2: Comirnaty');
    expect(ics).toContain('DESCRIPTION:Booking code 7KQ4-M2XD\\nBring an ID.');
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('folds long lines without splitting a character and unfolds to the original', () => {
    const ics = calendarFile([{ ...event, location: 'ä'.repeat(80) }]);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`LOCATION:${'ä'.repeat(80)}`);
    expect(ics).not.toContain('\uFFFD');
  });

  it('marks a cancelled booking as a cancellation', () => {
    const ics = calendarFile([{ ...event, cancelled: true }]);
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
  });
});
