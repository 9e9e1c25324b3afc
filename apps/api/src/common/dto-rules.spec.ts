import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { IsDecimal, NestedObject, isCalendarDate, isDateOrDateTime } from './dto-rules';

describe('isCalendarDate', () => {
  it('accepts dates that exist and Postgres can store, refuses the rest', () => {
    expect(['2024-02-29', '2023-12-31', '0001-01-01', '9999-12-31'].filter(isCalendarDate)).toHaveLength(4);
    expect(['2023-02-29', '2023-02-30', '2023-13-01', '0000-01-01', '2023-1-01', ' 2023-01-01', 2023].filter(isCalendarDate)).toEqual([]);
  });
});

describe('isDateOrDateTime', () => {
  it('takes a date or a date-time on an existing day', () => {
    expect(['2023-02-28', '2023-02-28T23:59:59Z', '2023-02-28T08:00+01:00', '2023-02-28T08:00:00.123Z'].filter(isDateOrDateTime)).toHaveLength(4);
    expect(['2023-02-30', '2023-02-30T08:00Z', '2023-02-28T24:00Z', '2023-02-28T08:60Z', '0000-01-01T00:00Z'].filter(isDateOrDateTime)).toEqual([]);
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
