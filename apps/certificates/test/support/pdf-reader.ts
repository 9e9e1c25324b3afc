import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const run = promisify(execFile);

/** What a test reads back from a rendered PDF with poppler-utils, as a holder's tools would. */
export interface ReadPdf {
  text: string;
  info: string;
  /** Every QR code found on the first page, in the order found. */
  qrCodes: string[];
}

export async function readPdf(pdf: Buffer): Promise<ReadPdf> {
  const dir = await mkdtemp(join(tmpdir(), 'certificate-pdf-'));
  try {
    const file = join(dir, 'certificate.pdf');
    await writeFile(file, pdf);
    const [{ stdout: text }, { stdout: info }] = await Promise.all([run('pdftotext', ['-layout', file, '-']), run('pdfinfo', [file])]);
    // jsQR misses a code now and then at one resolution (it depends on the content); a scanner
    // would move closer, so the page is read at a few resolutions and what is found is joined.
    const qrCodes = new Set<string>();
    for (const dpi of [200, 150, 300, 400]) {
      const prefix = join(dir, `page-${dpi}`);
      await run('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-png', file, prefix]);
      const pageFile = (await readdir(dir)).find((name) => name.startsWith(`page-${dpi}`) && name.endsWith('.png'));
      if (!pageFile) throw new Error('pdftoppm wrote no page image');
      const page = PNG.sync.read(await readFile(join(dir, pageFile)));
      for (const code of decodeAllQrCodes(page)) qrCodes.add(code);
      // A code next to another is found more reliably on its own: scan each half of the page too.
      for (const half of qrCodes.size >= 2 ? [] : halves(page)) for (const code of decodeAllQrCodes(half)) qrCodes.add(code);
      if (qrCodes.size >= 2) break;
    }
    return { text, info, qrCodes: [...qrCodes] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The left, right, top and bottom halves of a page image. */
function halves(png: PNG): PNG[] {
  const crop = (x: number, y: number, width: number, height: number): PNG => {
    const part = new PNG({ width, height });
    PNG.bitblt(png, part, x, y, width, height, 0, 0);
    return part;
  };
  const halfWidth = Math.floor(png.width / 2);
  const halfHeight = Math.floor(png.height / 2);
  return [
    crop(0, 0, halfWidth, png.height),
    crop(halfWidth, 0, png.width - halfWidth, png.height),
    crop(0, 0, png.width, halfHeight),
    crop(0, halfHeight, png.width, png.height - halfHeight),
  ];
}

/** jsQR finds one code at a time: each found code is painted white and the page scanned again. */
function decodeAllQrCodes(png: PNG): string[] {
  const found: string[] = [];
  const pixels = new Uint8ClampedArray(png.data);
  for (let attempt = 0; attempt < 4; attempt++) {
    const code = jsQR(pixels, png.width, png.height);
    if (!code) break;
    found.push(code.data);
    const { topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner } = code.location;
    const corners = [topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner];
    const margin = 20;
    const left = Math.max(0, Math.floor(Math.min(...corners.map((point) => point.x))) - margin);
    const right = Math.min(png.width, Math.ceil(Math.max(...corners.map((point) => point.x))) + margin);
    const top = Math.max(0, Math.floor(Math.min(...corners.map((point) => point.y))) - margin);
    const bottom = Math.min(png.height, Math.ceil(Math.max(...corners.map((point) => point.y))) + margin);
    for (let y = top; y < bottom; y++) pixels.fill(255, (y * png.width + left) * 4, (y * png.width + right) * 4);
  }
  return found;
}
