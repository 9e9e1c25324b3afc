import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { IsDecimal, NestedObject, isCalendarDate } from './dto-rules';

describe('isCalendarDate', () => {
  it('accepts dates that exist and Postgres can store, refuses the rest', () => {
    expect(['2024-02-29', '2023-12-31', '0001-01-01', '9999-12-31'].filter(isCalendarDate)).toHaveLength(4);
    expect(['2023-02-29', '2023-02-30', '2023-13-01', '0000-01-01', '2023-1-01', ' 2023-01-01', 2023].filter(isCalendarDate)).toEqual([]);
  });
});

class Inner {
  @IsDecimal(2) factor!: number;
}
class Outer {
  @NestedObject(() => Inner) inner!: Inner;
}
const problemsOf = (plain: unknown) => validateSync(plainToInstance(Outer, plain) as object).map((error) => error.property);

describe('NestedObject and IsDecimal', () => {
  it('refuses a missing, primitive or array value, and validates the object itself', () => {
    expect(problemsOf({})).toEqual(['inner']);
    expect(problemsOf({ inner: 'x' })).toEqual(['inner']);
    expect(problemsOf({ inner: [{ factor: 1 }] })).toEqual(['inner']);
    expect(problemsOf({ inner: { factor: 1.25 } })).toEqual([]);
  });

  it('judges decimals without crashing on exponents', () => {
    expect(problemsOf({ inner: { factor: 1e-323 } })).toEqual(['inner']);
    expect(problemsOf({ inner: { factor: 1.255 } })).toEqual(['inner']);
    expect(problemsOf({ inner: { factor: 1e21 } })).toEqual([]);
  });
});
