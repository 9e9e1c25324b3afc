import { describe, expect, it } from 'vitest';
import { assignPriorityGroup } from './assign-priority-group';
import { examplePriorityRules } from './example-priority-rules';
import type { Condition, PriorityPerson, PriorityRules } from './priority-rules';

const onDate = '2026-03-01';
const adult: PriorityPerson = { birthDate: '1990-06-15', occupations: [], answers: {} };

/** Rules with one group matching `match`, so a test reads as "does this person match". */
function matches(match: Condition, person: Partial<PriorityPerson>, date = onDate): boolean {
  const rules: PriorityRules = { version: 1, groups: [{ id: 'g', rank: 1, name: { de: 'G', en: 'G' }, match }] };
  return assignPriorityGroup(rules, { ...adult, ...person }, date) !== null;
}

describe('conditions', () => {
  it('age: both bounds inclusive, in completed years', () => {
    const sixtyToSixtyFour: Condition = { age: { min: 60, max: 64 } };
    expect(matches(sixtyToSixtyFour, { birthDate: '1966-03-01' })).toBe(true); // 60 today
    expect(matches(sixtyToSixtyFour, { birthDate: '1966-03-02' })).toBe(false); // 60 tomorrow
    expect(matches(sixtyToSixtyFour, { birthDate: '1961-03-02' })).toBe(true); // 64 until tomorrow
    expect(matches(sixtyToSixtyFour, { birthDate: '1961-03-01' })).toBe(false); // 65 today
    expect(matches({ age: { max: 17 } }, { birthDate: '2010-01-01' })).toBe(true);
    expect(matches({ age: { min: 18 } }, { birthDate: '2010-01-01' })).toBe(false);
  });

  it('occupation: any one listed occupation is enough', () => {
    const care: Condition = { occupation: ['medical-staff', 'teacher'] };
    expect(matches(care, { occupations: ['office', 'teacher'] })).toBe(true);
    expect(matches(care, { occupations: ['shift-work'] })).toBe(false);
    expect(matches(care, { occupations: [] })).toBe(false);
  });

  it('answer: same value and same type, own answers only', () => {
    const chronic: Condition = { answer: { question: 'chronic-condition', equals: true } };
    expect(matches(chronic, { answers: { 'chronic-condition': true } })).toBe(true);
    expect(matches(chronic, { answers: { 'chronic-condition': false } })).toBe(false);
    expect(matches(chronic, { answers: { 'chronic-condition': 'true' } })).toBe(false);
    expect(matches(chronic, { answers: {} })).toBe(false);
    expect(matches({ answer: { question: 'household-size', equals: 3 } }, { answers: { 'household-size': 3 } })).toBe(true);
    expect(matches({ answer: { question: 'household-size', equals: 3 } }, { answers: { 'household-size': '3' } })).toBe(false);
    expect(matches({ answer: { question: 'site', equals: 'north' } }, { answers: { site: 'north' } })).toBe(true);
    // A value inherited through the prototype was never declared by the person.
    const inherited = Object.create({ 'chronic-condition': true }) as Record<string, boolean>;
    expect(matches(chronic, { answers: inherited })).toBe(false);
  });

  it('all, any, not and always combine as boolean logic', () => {
    const teacher: Condition = { occupation: ['teacher'] };
    const over60: Condition = { age: { min: 60 } };
    const person = { occupations: ['teacher'], birthDate: '1990-01-01' };
    expect(matches({ all: [teacher, over60] }, person)).toBe(false);
    expect(matches({ all: [teacher, { not: over60 }] }, person)).toBe(true);
    expect(matches({ any: [teacher, over60] }, person)).toBe(true);
    expect(matches({ any: [over60, { not: teacher }] }, person)).toBe(false);
    expect(matches({ not: { not: teacher } }, person)).toBe(true);
    expect(matches({ always: true }, person)).toBe(true);
  });
});

describe('assignPriorityGroup', () => {
  it('places people in the example rules', () => {
    const rules = examplePriorityRules();
    const assign = (person: Partial<PriorityPerson>) => assignPriorityGroup(rules, { ...adult, ...person }, onDate);
    expect(assign({ occupations: ['medical-staff'] })).toEqual({ groupId: 'medical-staff-and-60-plus', rank: 1 });
    expect(assign({ birthDate: '1960-01-01', occupations: ['shift-work'] })).toEqual({ groupId: 'medical-staff-and-60-plus', rank: 1 });
    expect(assign({ occupations: ['shift-work'] })).toEqual({ groupId: 'shift-work-and-chronic-conditions', rank: 2 });
    expect(assign({ answers: { 'chronic-condition': true } })).toEqual({ groupId: 'shift-work-and-chronic-conditions', rank: 2 });
    expect(assign({ answers: { 'chronic-condition': false } })).toEqual({ groupId: 'everyone', rank: 3 });
  });

  it('takes the lowest matching rank, not the first group in the list', () => {
    const rules: PriorityRules = {
      version: 1,
      groups: [
        { id: 'everyone', rank: 9, name: { de: 'Alle', en: 'All' }, match: { always: true } },
        { id: 'teachers', rank: 4, name: { de: 'Lehrkräfte', en: 'Teachers' }, match: { occupation: ['teacher'] } },
        { id: 'seniors', rank: 2, name: { de: 'Ab 70', en: '70+' }, match: { age: { min: 70 } } },
      ],
    };
    expect(assignPriorityGroup(rules, { ...adult, occupations: ['teacher'] }, onDate)).toEqual({ groupId: 'teachers', rank: 4 });
    expect(assignPriorityGroup(rules, { ...adult, occupations: ['teacher'], birthDate: '1950-01-01' }, onDate)).toEqual({
      groupId: 'seniors',
      rank: 2,
    });
    expect(rules.groups.map((group) => group.id)).toEqual(['everyone', 'teachers', 'seniors']); // input left unsorted
  });

  it('returns null when no group matches', () => {
    const rules: PriorityRules = {
      version: 1,
      groups: [{ id: 'teachers', rank: 1, name: { de: 'L', en: 'T' }, match: { occupation: ['teacher'] } }],
    };
    expect(assignPriorityGroup(rules, adult, onDate)).toBeNull();
  });

  it('counts a 29 February birthday on 1 March in common years, on 29 February in leap years', () => {
    const sixty: Condition = { age: { min: 60 } };
    const ordinary = { birthDate: '1966-02-28' }; // control: a birthday that exists every year
    expect(matches(sixty, ordinary, '2026-02-27')).toBe(false);
    expect(matches(sixty, ordinary, '2026-02-28')).toBe(true);

    const bornOnLeapDay = { birthDate: '1964-02-29' };
    expect(matches(sixty, bornOnLeapDay, '2024-02-28')).toBe(false);
    expect(matches(sixty, bornOnLeapDay, '2024-02-29')).toBe(true); // leap year: the day itself
    const sixtyOne: Condition = { age: { min: 61 } };
    expect(matches(sixtyOne, bornOnLeapDay, '2025-02-28')).toBe(false); // common year: not yet
    expect(matches(sixtyOne, bornOnLeapDay, '2025-03-01')).toBe(true);
  });

  it('counts the birthday itself and the turn of the year', () => {
    const adultOnly: Condition = { age: { min: 18 } };
    expect(matches(adultOnly, { birthDate: '2008-12-31' }, '2026-12-30')).toBe(false);
    expect(matches(adultOnly, { birthDate: '2008-12-31' }, '2026-12-31')).toBe(true);
    expect(matches(adultOnly, { birthDate: '2009-01-01' }, '2026-12-31')).toBe(false);
    expect(matches(adultOnly, { birthDate: '2009-01-01' }, '2027-01-01')).toBe(true);
  });

  it('refuses dates that are not calendar days', () => {
    expect(() => assignPriorityGroup(examplePriorityRules(), { ...adult, birthDate: '1990-02-30' }, onDate)).toThrow(RangeError);
    expect(() => assignPriorityGroup(examplePriorityRules(), { ...adult, birthDate: '15.06.1990' }, onDate)).toThrow(/birthDate must be a calendar date/);
    expect(() => assignPriorityGroup(examplePriorityRules(), adult, '2026-03-01T10:00:00Z')).toThrow(/onDate/);
  });
});
