import { describe, expect, it } from 'vitest';
import { parseRoster, writeRoster } from './roster-csv.util';

describe('roster CSV', () => {
  it('reads a BOM, semicolons, quoted fields and CRLF', () => {
    const text = '\uFEFFVorname;Nachname;E-Mail;Geburtsdatum;Personalnummer;Abteilung\r\n"Ada";"Love; lace";ada@acme.example;1985-12-10;E-1;"R&D ""Labs"""\r\n\r\n';
    const parsed = parseRoster(text);
    expect(parsed).toEqual({
      ok: true,
      columns: new Set(['given_name', 'family_name', 'email', 'birth_date', 'employee_number', 'department']),
      records: [
        {
          line: 2,
          values: { given_name: 'Ada', family_name: 'Love; lace', email: 'ada@acme.example', birth_date: '1985-12-10', employee_number: 'E-1', department: 'R&D "Labs"' },
        },
      ],
    });
  });

  it('names the missing columns', () => {
    expect(parseRoster('given_name,family_name,email\nAda,Lovelace,ada@acme.example\n')).toEqual({
      ok: false,
      problems: [
        { row: 1, field: 'birth_date', message: 'column is missing from the header' },
        { row: 1, field: 'employee_number', message: 'column is missing from the header' },
      ],
    });
  });

  it('reports an unclosed quote as a problem of the file', () => {
    const parsed = parseRoster('given_name,family_name,email,birth_date,employee_number\n"Ada,Lovelace,a@b.example,1985-12-10,E-1\n');
    expect(parsed.ok).toBe(false);
  });

  it('writes what it reads', () => {
    const row = {
      given_name: 'Ada',
      family_name: 'Love, lace',
      email: 'ada@acme.example',
      birth_date: '1985-12-10',
      employee_number: 'E-1',
      department: null,
      language: 'en',
    };
    const parsed = parseRoster(writeRoster([row]));
    expect(parsed.ok && parsed.records[0]?.values).toEqual({
      given_name: 'Ada',
      family_name: 'Love, lace',
      email: 'ada@acme.example',
      birth_date: '1985-12-10',
      employee_number: 'E-1',
      language: 'en',
    });
  });
});
