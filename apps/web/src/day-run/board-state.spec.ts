import type { BoardEntry } from '@vaccinate/api-contracts';
import { describe, expect, it } from 'vitest';
import { eventNames } from './board-events';
import { displayState, observationMinutesLeft } from './board-state';

const entry = (overrides: Partial<BoardEntry>): BoardEntry => ({
  appointmentId: 'a',
  visitId: 'v',
  bookingCode: 'ABCD-EFGH',
  personId: 'p',
  person: { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1980-05-17' },
  productId: 'x',
  productName: 'Comirnaty',
  startsAt: '2026-11-24T08:00:00.000Z',
  doseKind: 'first',
  doseNumber: 1,
  state: 'observation',
  walkIn: false,
  checkedInAt: '2026-11-24T07:55:00.000Z',
  answered: true,
  consent: true,
  flaggedAnswers: [],
  flagsAcknowledged: false,
  observationUntil: '2026-11-24T08:20:00.000Z',
  vaccinationId: 'vac',
  version: 3,
  ...overrides,
});

describe('displayState', () => {
  const until = Date.parse('2026-11-24T08:20:00.000Z');

  it('keeps a person under observation until the time is over, then shows them ready to leave', () => {
    expect(displayState(entry({}), until - 1)).toBe('observation');
    expect(displayState(entry({}), until)).toBe('vaccinated');
  });

  it('leaves every other state as the API reports it', () => {
    expect(displayState(entry({ state: 'checked_in', observationUntil: null }), until + 1)).toBe('checked_in');
    expect(displayState(entry({ state: 'done' }), until + 1)).toBe('done');
  });
});

describe('observationMinutesLeft', () => {
  it('rounds up and never goes below zero', () => {
    expect(observationMinutesLeft('2026-11-24T08:20:00.000Z', Date.parse('2026-11-24T08:05:30.000Z'))).toBe(15);
    expect(observationMinutesLeft('2026-11-24T08:20:00.000Z', Date.parse('2026-11-24T08:21:00.000Z'))).toBe(0);
  });
});

describe('server-sent event names', () => {
  it('reads the completed events and keeps the rest for the next chunk', () => {
    expect(eventNames('retry: 3000\nevent: ready\ndata: {}\n\n: keep-alive\n\nevent: board\ndata: {}\n\nevent: bo')).toEqual({
      names: ['ready', 'board'],
      rest: 'event: bo',
    });
  });
});
