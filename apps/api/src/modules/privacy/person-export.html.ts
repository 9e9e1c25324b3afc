import type { PersonExport } from '@vaccinate/api-contracts';

type Locale = 'de' | 'en';

const HEADINGS: Record<Locale, Record<Exclude<keyof PersonExport, 'exportedAt'> | 'title' | 'exportedAt' | 'none', string>> = {
  de: {
    title: 'Ihre gespeicherten Daten',
    exportedAt: 'Stand',
    none: 'Keine Einträge',
    profile: 'Stammdaten',
    revisions: 'Frühere Fassungen',
    bookings: 'Buchungen',
    registrations: 'Wartelisten-Anmeldungen',
    standby: 'Restdosen-Bereitschaft',
    visits: 'Besuche',
    vaccinations: 'Impfungen',
    certificates: 'Ausgestellte Zertifikate',
    mails: 'Gesendete E-Mails',
    accessLog: 'Wer Ihren Datensatz gelesen oder geändert hat',
  },
  en: {
    title: 'Your stored data',
    exportedAt: 'As of',
    none: 'No entries',
    profile: 'Profile',
    revisions: 'Earlier versions',
    bookings: 'Bookings',
    registrations: 'Waiting-list registrations',
    standby: 'Standby for spare doses',
    visits: 'Visits',
    vaccinations: 'Vaccinations',
    certificates: 'Certificates issued',
    mails: 'Mails sent',
    accessLog: 'Who read or changed your record',
  },
};

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
function show(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function table(rows: Record<string, unknown>[], none: string): string {
  if (rows.length === 0) return `<p>${escape(none)}</p>`;
  const columns = Object.keys(rows[0] ?? {});
  const head = columns.map((column) => `<th scope="col">${escape(column)}</th>`).join('');
  const body = rows.map((row) => `<tr>${columns.map((column) => `<td>${escape(show(row[column]))}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The export as a page a person can read and keep: every section of the JSON, as tables, nothing loaded from elsewhere. */
export function renderPersonExportHtml(data: PersonExport, locale: Locale): string {
  const text = HEADINGS[locale];
  const sections = (Object.keys(text) as (keyof typeof text)[])
    .filter((key): key is Exclude<keyof PersonExport, 'exportedAt'> => key in data && key !== 'exportedAt')
    .map((key) => {
      const value = data[key];
      const rows = (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
      return `<section><h2>${escape(text[key])}</h2>\n${table(rows, text.none)}</section>`;
    });
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(text.title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse;margin-bottom:1.5rem}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}</style></head>
<body><main><h1>${escape(text.title)}</h1><p>${escape(text.exportedAt)}: ${escape(data.exportedAt)}</p>
${sections.join('\n')}
</main></body></html>
`;
}
