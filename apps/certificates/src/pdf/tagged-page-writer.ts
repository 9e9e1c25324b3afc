import PDFDocument from 'pdfkit';
import { CERTIFICATE_FONTS } from './certificate-fonts';

export const PAGE_MARGIN = 36;
export const INK = '#1b1b1b';
export const MUTED = '#4a4a4a';

type FontWeight = keyof typeof CERTIFICATE_FONTS;

export interface TextStyle {
  size: number;
  weight?: FontWeight;
  color?: string;
}

/** pdfkit also reads `scope` (table headers) and `bbox` (figures); its type declarations lack them. */
export type StructureOptions = PDFKit.Mixins.StructureElementOptions & {
  scope?: 'Row' | 'Column';
  bbox?: [left: number, top: number, right: number, bottom: number];
};

/**
 * Writes top to bottom on A4 pages of a tagged PDF: every text and image is drawn inside the
 * structure element that says what it is (heading, paragraph, figure with its alternative text),
 * decoration is marked as artifact, so assistive technology reads the structure tree in order.
 */
export class TaggedPageWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly contentWidth: number;
  private readonly root: PDFKit.PDFStructureElement;
  y = PAGE_MARGIN;

  constructor(options: { lang: string; info: PDFKit.DocumentInfo }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: PAGE_MARGIN,
      tagged: true,
      lang: options.lang,
      displayTitle: true,
      pdfVersion: '1.7',
      font: CERTIFICATE_FONTS.regular,
      info: options.info,
    });
    this.doc.registerFont('regular', CERTIFICATE_FONTS.regular);
    this.doc.registerFont('bold', CERTIFICATE_FONTS.bold);
    this.contentWidth = this.doc.page.width - 2 * PAGE_MARGIN;
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  get pageWidth(): number {
    return this.doc.page.width;
  }

  /** Starts a new page when `height` points do not fit on this one any more; says whether it did. */
  keepTogether(height: number): boolean {
    if (this.y + height <= this.doc.page.height - PAGE_MARGIN) return false;
    this.doc.addPage();
    this.y = PAGE_MARGIN;
    return true;
  }

  /** A grouping element (a section) under the document or under another group. */
  group(type: string, parent?: PDFKit.PDFStructureElement): PDFKit.PDFStructureElement {
    const element = this.doc.struct(type);
    (parent ?? this.root).add(element);
    return element;
  }

  /** One structure element whose content `draw` paints; drawn now, in reading order. */
  tag(type: string, draw: () => void, parent?: PDFKit.PDFStructureElement, options: StructureOptions = {}): void {
    (parent ?? this.root).add(this.doc.struct(type, options, draw));
  }

  /**
   * What carries no content of its own: decoration (`Layout`), or what a page break repeats, such as
   * a table's header row (`Pagination`). Screen readers skip it.
   */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  style(style: TextStyle): this {
    this.doc
      .font(style.weight ?? 'regular')
      .fontSize(style.size)
      .fillColor(style.color ?? INK);
    return this;
  }

  heightOf(text: string, style: TextStyle, width: number): number {
    return this.style(style).doc.heightOfString(text, { width });
  }

  /** The width of `text` on one line. */
  widthOf(text: string, style: TextStyle): number {
    return this.style(style).doc.widthOfString(text);
  }

  /** Draws `text` at (x, y) in the given width; the caller moves `y`. */
  text(text: string, x: number, y: number, width: number, style: TextStyle): void {
    this.style(style).doc.text(text, x, y, { width, lineBreak: true });
  }

  /** The document as bytes, once every element is closed. */
  finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.root.end();
    this.doc.end();
    return done;
  }
}
