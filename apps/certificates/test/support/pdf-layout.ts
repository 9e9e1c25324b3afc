import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const run = promisify(execFile);

/** A rectangle in points, origin top left of the page, as poppler reports word boxes. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LaidOutWord extends Box {
  text: string;
}

export interface PageLayout {
  width: number;
  height: number;
  /** The page's text as `pdftotext -layout` writes it. */
  text: string;
  words: LaidOutWord[];
  /** Where each image is painted, in drawing order, read from the page's operators with pdf.js. */
  images: Box[];
}

/** Where things are on every page of a PDF: poppler for the words, pdf.js for the images. */
export async function readPageLayout(pdf: Buffer): Promise<PageLayout[]> {
  const dir = await mkdtemp(join(tmpdir(), 'certificate-layout-'));
  try {
    const file = join(dir, 'certificate.pdf');
    await writeFile(file, pdf);
    const { stdout: bboxHtml } = await run('pdftotext', ['-bbox', file, '-']);
    const pages = [...bboxHtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
    const imagesByPage = await imageBoxes(pdf);
    const layouts: PageLayout[] = [];
    for (const [index, [, width, height, body]] of pages.entries()) {
      const pageNumber = String(index + 1);
      const { stdout: text } = await run('pdftotext', ['-layout', '-f', pageNumber, '-l', pageNumber, file, '-']);
      const words = [...body!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        ([, left, top, right, bottom, word]) => ({ left: Number(left), top: Number(top), right: Number(right), bottom: Number(bottom), text: decodeEntities(word!) }),
      );
      layouts.push({ width: Number(width), height: Number(height), text, words, images: imagesByPage[index] ?? [] });
    }
    return layouts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The area both boxes cover, in square points: 0 when they only touch or lie apart. */
export function overlapArea(a: Box, b: Box): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}

type Matrix = [number, number, number, number, number, number];

function multiply([a, b, c, d, e, f]: Matrix, [a2, b2, c2, d2, e2, f2]: Matrix): Matrix {
  return [a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2];
}

/** Images are painted into the unit square of the current transformation matrix. */
async function imageBoxes(pdf: Buffer): Promise<Box[][]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  try {
    const pages: Box[][] = [];
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
      const page = await document.getPage(pageNumber);
      const [, , , pageTop] = page.view as [number, number, number, number];
      const { fnArray, argsArray } = await page.getOperatorList();
      const boxes: Box[] = [];
      const stack: Matrix[] = [];
      let matrix: Matrix = [1, 0, 0, 1, 0, 0];
      fnArray.forEach((operator, index) => {
        if (operator === OPS.save) stack.push(matrix);
        else if (operator === OPS.restore) matrix = stack.pop() ?? [1, 0, 0, 1, 0, 0];
        else if (operator === OPS.transform) matrix = multiply(argsArray[index] as Matrix, matrix);
        else if (operator === OPS.paintImageXObject) {
          const xs = [matrix[4], matrix[4] + matrix[0] + matrix[2]];
          const ys = [matrix[5], matrix[5] + matrix[1] + matrix[3]];
          boxes.push({ left: Math.min(...xs), right: Math.max(...xs), top: pageTop - Math.max(...ys), bottom: pageTop - Math.min(...ys) });
        }
      });
      pages.push(boxes);
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
