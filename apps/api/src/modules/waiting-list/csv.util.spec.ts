import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.util';

describe('toCsv', () => {
  it('quotes separators and quotes, leaves numbers and empty cells plain', () => {
    expect(
      toCsv(
        ['site', 'count'],
        [
          ['Werk "Süd", Halle 2', 3],
          [null, 0],
        ],
      ),
    ).toBe('site,count\r\n"Werk ""Süd"", Halle 2",3\r\n,0\r\n');
  });

  it('defuses a text a spreadsheet would run as a formula', () => {
    expect(toCsv(['name'], [['=HYPERLINK("x")']])).toBe('name\r\n"\'=HYPERLINK(""x"")"\r\n');
    expect(toCsv(['n'], [[-3]])).toBe('n\r\n-3\r\n');
  });
});
