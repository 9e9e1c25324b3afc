import { describe, expect, it } from 'vitest';
import { examplePriorityRules } from './example-priority-rules';
import { PRIORITY_RULES_LIMITS, type PriorityRulesProblem } from './priority-rules';
import { validatePriorityRules } from './validate-priority-rules';

function problemsOf(document: unknown): PriorityRulesProblem[] {
  const result = validatePriorityRules(document);
  if ('rules' in result) throw new Error('expected the document to be refused');
  return result.problems;
}

/** A one-group document whose group matches `match`; the rest is valid. */
function withMatch(match: unknown): unknown {
  return { version: 1, groups: [{ id: 'g', rank: 1, name: { de: 'G', en: 'G' }, match }] };
}

function nested(depth: number): unknown {
  let condition: unknown = { always: true };
  for (let level = 1; level < depth; level += 1) condition = { not: condition };
  return condition;
}

describe('validatePriorityRules', () => {
  it('accepts the example rules and returns a copy, not the input', () => {
    const document = examplePriorityRules();
    const result = validatePriorityRules(JSON.parse(JSON.stringify(document)));
    expect(result).toEqual({ rules: document });
    const again = validatePriorityRules(document);
    if (!('rules' in again)) throw new Error('expected rules');
    expect(again.rules).not.toBe(document);
    expect(again.rules.groups[0]?.match).not.toBe(document.groups[0]?.match);
  });

  it('refuses a document that is not an object', () => {
    for (const document of [null, 'rules', 42, [], undefined]) {
      expect(problemsOf(document)).toEqual([{ field: '', message: 'must be an object with version and groups' }]);
    }
  });

  it('refuses another version, unknown top-level keys and a missing or empty group list', () => {
    expect(problemsOf({ version: 2, groups: [], extra: true })).toEqual([
      { field: 'extra', message: 'is not a known field (expected version, groups)' },
      { field: 'version', message: 'must be 1' },
      { field: 'groups', message: 'must be a non-empty list of groups' },
    ]);
    expect(problemsOf({ version: 1 })).toEqual([{ field: 'groups', message: 'must be a non-empty list of groups' }]);
  });

  it('reports every bad field of a group with its path', () => {
    const document = {
      version: 1,
      groups: [examplePriorityRules().groups[0], { id: 'Bad Id', rank: 0, name: { de: ' ', fr: 'x' }, match: { always: true }, colour: 'red' }, 'not a group'],
    };
    expect(problemsOf(document)).toEqual([
      { field: 'groups.1.colour', message: 'is not a known field (expected id, rank, name, match)' },
      { field: 'groups.1.id', message: 'must use lower-case letters, digits and single - or _ between them' },
      { field: 'groups.1.rank', message: 'must be a whole number from 1 to 1000' },
      { field: 'groups.1.name.fr', message: 'is not a known field (expected de, en)' },
      { field: 'groups.1.name.de', message: 'must be a non-blank text of at most 120 characters' },
      { field: 'groups.1.name.en', message: 'must be a non-blank text of at most 120 characters' },
      { field: 'groups.2', message: 'must be an object with id, rank, name and match' },
    ]);
  });

  it('refuses a fractional rank and an id that is not a string', () => {
    const group = { id: 7, rank: 1.5, name: { de: 'A', en: 'A' }, match: { always: true } };
    expect(problemsOf({ version: 1, groups: [group] })).toEqual([
      { field: 'groups.0.id', message: 'must be a string' },
      { field: 'groups.0.rank', message: 'must be a whole number from 1 to 1000' },
    ]);
  });

  it('refuses repeated ids and ranks, pointing at the first group that has them', () => {
    const [first, second, third] = examplePriorityRules().groups;
    const document = { version: 1, groups: [first, { ...second, id: first?.id }, { ...third, rank: first?.rank }] };
    expect(problemsOf(document)).toEqual([
      { field: 'groups.1.id', message: 'repeats the id of groups.0' },
      { field: 'groups.2.rank', message: 'repeats the rank of groups.0' },
    ]);
  });

  it('reports deep paths inside nested conditions', () => {
    const match = { all: [{ always: true }, { any: [{ age: { min: -1 } }, { occupation: ['teacher', 'Night Shift'] }] }] };
    expect(problemsOf(withMatch(match))).toEqual([
      { field: 'groups.0.match.all.1.any.0.age.min', message: 'must be a whole number of years from 0 to 150' },
      {
        field: 'groups.0.match.all.1.any.1.occupation.1',
        message: 'must use lower-case letters, digits and single - or _ between them',
      },
    ]);
  });

  it('refuses unknown, missing and doubled condition kinds', () => {
    expect(problemsOf(withMatch({ older: 60 }))).toEqual([
      {
        field: 'groups.0.match.older',
        message: 'is not a known field (expected all, any, not, age, occupation, answer, always)',
      },
    ]);
    expect(problemsOf(withMatch({}))).toEqual([{ field: 'groups.0.match', message: 'must have exactly one of all, any, not, age, occupation, answer, always' }]);
    expect(problemsOf(withMatch({ always: true, age: { min: 1 } }))).toEqual([
      { field: 'groups.0.match', message: 'must have exactly one of all, any, not, age, occupation, answer, always' },
    ]);
    expect(problemsOf(withMatch({ always: true, note: 'x' }))).toEqual([
      {
        field: 'groups.0.match.note',
        message: 'is not a known field (expected all, any, not, age, occupation, answer, always)',
      },
    ]);
    expect(problemsOf(withMatch('always'))).toEqual([{ field: 'groups.0.match', message: 'must be a condition object' }]);
  });

  it('refuses empty lists in all, any and occupation', () => {
    expect(problemsOf(withMatch({ all: [] }))).toEqual([{ field: 'groups.0.match.all', message: 'must be a non-empty list of conditions' }]);
    expect(problemsOf(withMatch({ any: {} }))).toEqual([{ field: 'groups.0.match.any', message: 'must be a non-empty list of conditions' }]);
    expect(problemsOf(withMatch({ occupation: [] }))).toEqual([{ field: 'groups.0.match.occupation', message: 'must be a non-empty list of occupations' }]);
  });

  it('refuses bad age bounds', () => {
    expect(problemsOf(withMatch({ age: {} }))).toEqual([{ field: 'groups.0.match.age', message: 'must set min, max or both' }]);
    expect(problemsOf(withMatch({ age: { min: 60, max: 59 } }))).toEqual([{ field: 'groups.0.match.age.max', message: 'must not be below min' }]);
    expect(problemsOf(withMatch({ age: { min: '60', max: 151, over: 1 } }))).toEqual([
      { field: 'groups.0.match.age.over', message: 'is not a known field (expected min, max)' },
      { field: 'groups.0.match.age.min', message: 'must be a whole number of years from 0 to 150' },
      { field: 'groups.0.match.age.max', message: 'must be a whole number of years from 0 to 150' },
    ]);
    expect(problemsOf(withMatch({ age: 60 }))).toEqual([{ field: 'groups.0.match.age', message: 'must be an object with min and/or max' }]);
  });

  it('refuses bad answers and a false always', () => {
    expect(problemsOf(withMatch({ answer: { question: '', equals: null, weight: 2 } }))).toEqual([
      { field: 'groups.0.match.answer.weight', message: 'is not a known field (expected question, equals)' },
      { field: 'groups.0.match.answer.question', message: 'must be 1 to 64 characters long' },
      { field: 'groups.0.match.answer.equals', message: 'must be a string, a boolean or a finite number' },
    ]);
    expect(problemsOf(withMatch({ answer: { question: 'q', equals: Number.NaN } }))).toEqual([
      { field: 'groups.0.match.answer.equals', message: 'must be a string, a boolean or a finite number' },
    ]);
    expect(problemsOf(withMatch({ answer: { question: 'q', equals: 'x'.repeat(121) } }))).toEqual([
      { field: 'groups.0.match.answer.equals', message: 'must be at most 120 characters long' },
    ]);
    expect(problemsOf(withMatch({ answer: ['q', true] }))).toEqual([{ field: 'groups.0.match.answer', message: 'must be an object with question and equals' }]);
    for (const always of [false, 1, 'true']) {
      expect(problemsOf(withMatch({ always }))).toEqual([{ field: 'groups.0.match.always', message: 'must be true' }]);
    }
  });

  it('accepts nesting up to the depth limit and refuses one level more', () => {
    expect('rules' in validatePriorityRules(withMatch(nested(PRIORITY_RULES_LIMITS.maxDepth)))).toBe(true);
    const path = ['groups.0.match', ...Array.from({ length: PRIORITY_RULES_LIMITS.maxDepth }, () => 'not')].join('.');
    expect(problemsOf(withMatch(nested(PRIORITY_RULES_LIMITS.maxDepth + 1)))).toEqual([{ field: path, message: 'nests deeper than 6 levels' }]);
  });

  it('stops reading a document that is too large', () => {
    const group = (index: number) => ({ id: `g${index}`, rank: index + 1, name: { de: 'G', en: 'G' }, match: { always: true } });
    const tooManyGroups = Array.from({ length: PRIORITY_RULES_LIMITS.maxGroups + 1 }, (_, index) => group(index));
    expect(problemsOf({ version: 1, groups: tooManyGroups })).toEqual([{ field: 'groups', message: 'must list at most 50 groups' }]);

    const wide = { any: Array.from({ length: 21 }, () => ({ always: true })) };
    expect(problemsOf(withMatch(wide))).toEqual([{ field: 'groups.0.match.any', message: 'must list at most 20 conditions' }]);

    const occupations = Array.from({ length: 51 }, (_, index) => `o${index}`);
    expect(problemsOf(withMatch({ occupation: occupations }))).toEqual([{ field: 'groups.0.match.occupation', message: 'must list at most 50 occupations' }]);

    // 1 + 20 conditions per group: the 24th group crosses 500 and is reported once.
    const bushy = { any: Array.from({ length: 20 }, () => ({ always: true })) };
    const groups = Array.from({ length: 30 }, (_, index) => ({ ...group(index), match: bushy }));
    expect(problemsOf({ version: 1, groups })).toEqual([{ field: 'groups.23.match.any.16', message: 'exceeds the limit of 500 conditions in a rule set' }]);

    expect(problemsOf(withMatch({ occupation: ['x'.repeat(65)] }))).toEqual([{ field: 'groups.0.match.occupation.0', message: 'must be 1 to 64 characters long' }]);
  });

  it('treats __proto__ from parsed JSON as an unknown key', () => {
    const document: unknown = JSON.parse('{"version":1,"groups":[],"__proto__":{"polluted":true}}');
    expect(problemsOf(document)).toContainEqual({
      field: '__proto__',
      message: 'is not a known field (expected version, groups)',
    });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
