import type { CertificateLocale } from '../certificate/certificate-request';
import type { IssuedCertificateRecord } from '../certificate/issued-certificate-record';
import { CERTIFICATE_TEXTS, formatDate, type CertificateTexts } from './certificate-texts';
import { normalizeColor, readableTextOn } from './color.util';
import { layoutDoseTable } from './dose-table';
import { MUTED, PAGE_MARGIN, TaggedPageWriter, type StructureOptions, type TextStyle } from './tagged-page-writer';

export interface CertificateDocumentProps {
  record: IssuedCertificateRecord;
  locale: CertificateLocale;
  hc1Png: Buffer;
  shcPng: Buffer;
}

const BODY: TextStyle = { size: 10 };
const LABEL: TextStyle = { size: 10, color: MUTED };
const HEADING: TextStyle = { size: 12, weight: 'bold' };
const CODE_TITLE: TextStyle = { size: 10, weight: 'bold' };
const SMALL: TextStyle = { size: 8, color: MUTED };
const LABEL_WIDTH = 150;
/** The printed side of each QR code, quiet zone included: 220 pt = 77.6 mm, read at arm's length. */
const QR_SIZE = 220;

type Field = [label: string, value: string];

/**
 * A4 in reading order: issuer and title, the person, the two QR codes each with its alternative
 * text and a visible description, then the doses as a table. The codes come right after the
 * person so they are on page 1 next to name and birth date however many doses follow: the page is
 * what is shown at a door. Tagged: headings, label/value tables, figures, the dose table.
 */
export function renderCertificateDocument({ record, locale, hc1Png, shcPng }: CertificateDocumentProps): Promise<Buffer> {
  const texts = CERTIFICATE_TEXTS[locale];
  const page = new TaggedPageWriter({
    lang: locale,
    info: {
      Title: `${texts.title} – ${record.issuerName}`,
      Subject: texts.subject,
      Author: record.issuerName,
      Creator: record.issuerName,
      Producer: 'vaccinate certificates',
    },
  });
  drawHeader(page, texts, record);
  page.y += 14;

  drawHeading(page, texts.personHeading, 'H2');
  drawFields(page, personFields(texts, record, locale));

  drawCodes(page, texts, hc1Png, shcPng);

  const doseTable = layoutDoseTable(page, texts, record.doses, locale);
  drawHeading(page, texts.dosesHeading, 'H2', undefined, doseTable.leadHeight);
  doseTable.draw();
  return page.finish();
}

function drawHeader(page: TaggedPageWriter, texts: CertificateTexts, record: IssuedCertificateRecord): void {
  const brand = normalizeColor(record.brandColor);
  const onBrand = readableTextOn(brand);
  const issuedBy = `${texts.issuedBy}: ${record.issuerName}`;
  const issuerStyle: TextStyle = { size: 11, color: onBrand };
  const titleStyle: TextStyle = { size: 20, weight: 'bold', color: onBrand };
  const issuerHeight = page.heightOf(issuedBy, issuerStyle, page.contentWidth);
  const titleHeight = page.heightOf(texts.title, titleStyle, page.contentWidth);
  const height = 18 + issuerHeight + 4 + titleHeight + 18;
  page.artifact(() => page.doc.rect(0, 0, page.pageWidth, height).fill(brand));
  page.tag('P', () => page.text(issuedBy, PAGE_MARGIN, 18, page.contentWidth, issuerStyle));
  page.tag('H1', () => page.text(texts.title, PAGE_MARGIN, 18 + issuerHeight + 4, page.contentWidth, titleStyle));
  page.y = height;
}

/** `keepWith`: how much of what follows must fit on the same page (at least a line). */
function drawHeading(page: TaggedPageWriter, text: string, type: 'H2' | 'H3', parent?: PDFKit.PDFStructureElement, keepWith = 14): void {
  const height = page.heightOf(text, HEADING, page.contentWidth);
  // A heading never ends a page.
  page.keepTogether(12 + height + 6 + keepWith);
  page.y += 12;
  const y = page.y;
  page.tag(type, () => page.text(text, PAGE_MARGIN, y, page.contentWidth, HEADING), parent);
  page.y += height + 6;
}

function fieldHeight(page: TaggedPageWriter, [label, value]: Field): number {
  return Math.max(page.heightOf(label, LABEL, LABEL_WIDTH), page.heightOf(value, BODY, page.contentWidth - LABEL_WIDTH)) + 2;
}

/**
 * Labels and values side by side, tagged as a table with row headers, so a screen reader says
 * "Name: Müller, Erika" rather than running the two texts together.
 */
function drawFields(page: TaggedPageWriter, fields: Field[]): void {
  const table = page.group('Table');
  const rowHeader: StructureOptions = { scope: 'Row' };
  for (const field of fields) {
    const [label, value] = field;
    const height = fieldHeight(page, field);
    page.keepTogether(height);
    const y = page.y;
    const row = page.group('TR', table);
    page.tag('TH', () => page.text(label, PAGE_MARGIN, y, LABEL_WIDTH, LABEL), row, rowHeader);
    page.tag('TD', () => page.text(value, PAGE_MARGIN + LABEL_WIDTH, y, page.contentWidth - LABEL_WIDTH, BODY), row);
    page.y += height;
  }
}

function personFields(texts: CertificateTexts, record: IssuedCertificateRecord, locale: CertificateLocale): Field[] {
  return [
    [texts.name, `${record.person.familyName}, ${record.person.givenName}`],
    [texts.birthDate, formatDate(record.person.birthDate, locale)],
    [texts.certificateId, record.certificateId],
  ];
}

/** The two codes side by side, each a heading, a figure with alternative text and a caption. */
function drawCodes(page: TaggedPageWriter, texts: CertificateTexts, hc1Png: Buffer, shcPng: Buffer): void {
  const columnWidth = page.contentWidth * 0.48;
  const codes = [
    { heading: texts.hc1Heading, alt: texts.hc1Alt, png: hc1Png, x: PAGE_MARGIN },
    { heading: texts.shcHeading, alt: texts.shcAlt, png: shcPng, x: PAGE_MARGIN + page.contentWidth - columnWidth },
  ];
  const headingHeight = Math.max(...codes.map((code) => page.heightOf(code.heading, CODE_TITLE, columnWidth)));
  const captionHeight = Math.max(...codes.map((code) => page.heightOf(code.alt, SMALL, columnWidth)));
  const footerHeight = page.heightOf(texts.footer, SMALL, page.contentWidth);
  const headingBlock = 12 + page.heightOf(texts.codesHeading, HEADING, page.contentWidth) + 6;
  page.keepTogether(headingBlock + 4 + headingHeight + 4 + QR_SIZE + 4 + captionHeight + 14 + footerHeight);

  const section = page.group('Sect');
  drawHeading(page, texts.codesHeading, 'H2', section);
  const top = page.y + 4;
  for (const code of codes) {
    const group = page.group('Div', section);
    page.tag('H3', () => page.text(code.heading, code.x, top, columnWidth, CODE_TITLE), group);
    const imageX = code.x + (columnWidth - QR_SIZE) / 2;
    const imageY = top + headingHeight + 4;
    const figure: StructureOptions = { alt: code.alt, bbox: [imageX, imageY, imageX + QR_SIZE, imageY + QR_SIZE] };
    page.tag('Figure', () => page.doc.image(code.png, imageX, imageY, { width: QR_SIZE, height: QR_SIZE }), group, figure);
    page.tag('P', () => page.text(code.alt, code.x, imageY + QR_SIZE + 4, columnWidth, SMALL), group);
  }
  page.y = top + headingHeight + 4 + QR_SIZE + 4 + captionHeight + 14;
  const y = page.y;
  page.tag('P', () => page.text(texts.footer, PAGE_MARGIN, y, page.contentWidth, SMALL), section);
  page.y += footerHeight;
}
