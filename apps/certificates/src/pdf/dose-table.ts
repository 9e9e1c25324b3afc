import type { CertifiedDose } from '@vaccinate/certificate-token';
import type { CertificateLocale } from '../certificate/certificate-request';
import { countryName, formatDate, type CertificateTexts } from './certificate-texts';
import { MUTED, PAGE_MARGIN, type StructureOptions, type TaggedPageWriter, type TextStyle } from './tagged-page-writer';

const CELL: TextStyle = { size: 9 };
const ROW_HEADER: TextStyle = { size: 9, weight: 'bold' };
const COLUMN_HEADER: TextStyle = { size: 9, weight: 'bold', color: MUTED };
const PADDING_X = 4;
const PADDING_Y = 4;
const RULE = '#d0d0d0';
const HEADER_FILL = '#eef1f4';

interface DoseColumn {
  header: string;
  cell: (dose: CertifiedDose) => string;
  /** Whether its cells may take more than one line; short values (dose, date) read best whole. */
  wraps: boolean;
}

/** The dose table laid out for the page: how much must fit below its heading, and how to draw it. */
export interface DoseTable {
  /** The header row and the first dose: a heading is never left alone at the foot of a page. */
  leadHeight: number;
  draw: () => void;
}

/**
 * One row per dose, one column per detail; lot and doctor only when a dose has them. The first
 * cell of a row (which dose) is its row header, so a screen reader says "Dose 2 of 2, Vaccine:
 * Comirnaty". Rows never split; a table running onto the next page repeats its header row there.
 */
export function layoutDoseTable(page: TaggedPageWriter, texts: CertificateTexts, doses: CertifiedDose[], locale: CertificateLocale): DoseTable {
  const columns = doseColumns(texts, doses, locale);
  const headers = columns.map((column) => column.header);
  const rows = doses.map((dose) => columns.map((column) => column.cell(dose)));
  const widths = columnWidths(page, columns, rows);
  const headerHeight = rowHeight(page, headers, widths, () => COLUMN_HEADER);
  const rowHeights = rows.map((row) => rowHeight(page, row, widths, cellStyle));

  const drawHeaderRow = (draw: (column: number, x: number, y: number) => void): void => {
    const top = page.y;
    page.artifact(() => page.doc.rect(PAGE_MARGIN, top, page.contentWidth, headerHeight).fill(HEADER_FILL));
    cellPositions(widths).forEach((x, column) => draw(column, x, top + PADDING_Y));
    page.y = top + headerHeight;
  };
  const headerText = (column: number, x: number, y: number): void => page.text(headers[column]!, x, y, widths[column]! - 2 * PADDING_X, COLUMN_HEADER);

  return {
    leadHeight: headerHeight + (rowHeights[0] ?? 0),
    draw: () => {
      const table = page.group('Table');
      const headerRow = page.group('TR', page.group('THead', table));
      const columnHeader: StructureOptions = { scope: 'Column' };
      drawHeaderRow((column, x, y) => page.tag('TH', () => headerText(column, x, y), headerRow, columnHeader));
      const body = page.group('TBody', table);
      rows.forEach((cells, index) => {
        const height = rowHeights[index]!;
        if (page.keepTogether(height)) drawHeaderRow((column, x, y) => page.artifact(() => headerText(column, x, y), 'Pagination'));
        const top = page.y;
        const row = page.group('TR', body);
        cellPositions(widths).forEach((x, column) => {
          const draw = (): void => page.text(cells[column]!, x, top + PADDING_Y, widths[column]! - 2 * PADDING_X, cellStyle(column));
          if (column === 0) page.tag('TH', draw, row, { scope: 'Row' } satisfies StructureOptions);
          else page.tag('TD', draw, row);
        });
        page.y = top + height;
        const bottom = page.y;
        page.artifact(() =>
          page.doc
            .moveTo(PAGE_MARGIN, bottom)
            .lineTo(PAGE_MARGIN + page.contentWidth, bottom)
            .lineWidth(0.75)
            .stroke(RULE),
        );
      });
    },
  };
}

function doseColumns(texts: CertificateTexts, doses: CertifiedDose[], locale: CertificateLocale): DoseColumn[] {
  const columns: DoseColumn[] = [
    { header: texts.doseColumn, cell: (dose) => texts.dose(dose.doseNumber, dose.seriesDoses), wraps: false },
    { header: texts.date, cell: (dose) => formatDate(dose.date, locale), wraps: false },
    { header: texts.product, cell: (dose) => dose.productName, wraps: true },
    { header: texts.manufacturer, cell: (dose) => dose.manufacturer, wraps: true },
    { header: texts.country, cell: (dose) => countryName(dose.country, locale), wraps: true },
  ];
  if (doses.some((dose) => dose.lotNumber)) columns.push({ header: texts.lot, cell: (dose) => dose.lotNumber ?? '–', wraps: false });
  if (doses.some((dose) => dose.vaccinatorName)) columns.push({ header: texts.vaccinatedBy, cell: (dose) => dose.vaccinatorName ?? '–', wraps: true });
  return columns;
}

function cellStyle(column: number): TextStyle {
  return column === 0 ? ROW_HEADER : CELL;
}

function cellPositions(widths: number[]): number[] {
  return widths.map((_, column) => PAGE_MARGIN + widths.slice(0, column).reduce((sum, width) => sum + width, 0) + PADDING_X);
}

function rowHeight(page: TaggedPageWriter, cells: string[], widths: number[], style: (column: number) => TextStyle): number {
  return Math.max(...cells.map((text, column) => page.heightOf(text, style(column), widths[column]! - 2 * PADDING_X))) + 2 * PADDING_Y;
}

/**
 * Each column gets at least its longest word, so no word is broken, and a column that does not
 * wrap gets its longest cell; headers may take two lines. What is left of the page width goes to
 * the columns that would otherwise wrap most, in proportion to what they lack.
 */
function columnWidths(page: TaggedPageWriter, columns: DoseColumn[], rows: string[][]): number[] {
  const padded = (width: number): number => width + 2 * PADDING_X + 1;
  const longestWord = (text: string, style: TextStyle): number => Math.max(...text.split(/\s+/).map((word) => page.widthOf(word, style)));
  const longestCell = (column: number): number => Math.max(...rows.map((row) => page.widthOf(row[column]!, cellStyle(column))));
  const least = columns.map((column, index) =>
    padded(Math.max(longestWord(column.header, COLUMN_HEADER), ...rows.map((row) => longestWord(row[index]!, cellStyle(index))))),
  );
  const wanted = columns.map((_, index) => Math.max(least[index]!, padded(longestCell(index))));
  const unwrapped = columns.map((column, index) => (column.wraps ? least[index]! : wanted[index]!));
  return share(page.contentWidth, sum(unwrapped) <= page.contentWidth ? unwrapped : least, wanted);
}

function share(total: number, least: number[], wanted: number[]): number[] {
  if (sum(wanted) <= total) return wanted.map((width) => width * (total / sum(wanted)));
  if (sum(least) >= total) return least.map((width) => width * (total / sum(least)));
  const lacking = wanted.map((width, column) => width - least[column]!);
  return least.map((width, column) => width + ((total - sum(least)) * lacking[column]!) / sum(lacking));
}

function sum(widths: number[]): number {
  return widths.reduce((a, b) => a + b, 0);
}
