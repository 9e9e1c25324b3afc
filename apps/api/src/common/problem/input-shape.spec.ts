import { describe, expect, it } from 'vitest';
import { inputShapeProblems, isUnacceptableText, jsonDepthExceeds } from './input-shape';

describe('jsonDepthExceeds', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepthExceeds('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(jsonDepthExceeds(`{"a":"${'['.repeat(100)}\\"{{{"}`, 1)).toBe(false);
  });

  it('answers for a body far deeper than any stack without recursing', () => {
    expect(jsonDepthExceeds('['.repeat(1_000_000) + ']'.repeat(1_000_000))).toBe(true);
  });
});

describe('isUnacceptableText', () => {
  it('refuses NUL and lone surrogates, accepts paired ones', () => {
    expect(isUnacceptableText('a\u0000b')).toBe(true);
    expect(isUnacceptableText('x\uD800')).toBe(true);
    expect(isUnacceptableText('\uDC00x')).toBe(true);
    expect(isUnacceptableText('Zoë 💉')).toBe(false);
  });
});

describe('inputShapeProblems', () => {
  it('names each bad field by its dotted path', () => {
    const problems = inputShapeProblems({
      person: { email: 'a\uD800@example.com', familyName: 'ok' },
      lots: [{ doses: 1e308 }, { doses: 3 }],
      version: 9007199254740992,
      [`bad\u0000key`]: 1,
    });
    expect(problems.map((problem) => problem.field).sort()).toEqual(['body', 'lots.0.doses', 'person.email', 'version']);
  });

  it('prefixes query and parameter fields with their root', () => {
    expect(inputShapeProblems({ code: 'K7\u0000' }, '')).toEqual([{ field: 'code', message: expect.any(String) }]);
    expect(inputShapeProblems({ id: 'x' })).toEqual([]);
  });
});
