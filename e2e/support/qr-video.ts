import { writeFile } from 'node:fs/promises';
import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;
const MODULE_PIXELS = 8;

/**
 * Writes a Y4M video showing `text` as a QR code: Chromium plays it as the camera with
 * `--use-file-for-fake-video-capture`, so the page's scanner reads a real frame as it would on a tablet.
 */
export async function writeQrVideo(path: string, text: string): Promise<void> {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const luma = Buffer.alloc(WIDTH * HEIGHT, 255);
  const side = modules.size * MODULE_PIXELS;
  const left = Math.floor((WIDTH - side) / 2);
  const top = Math.floor((HEIGHT - side) / 2);
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (!modules.get(row, column)) continue;
      for (let y = 0; y < MODULE_PIXELS; y += 1) {
        const offset = (top + row * MODULE_PIXELS + y) * WIDTH + left + column * MODULE_PIXELS;
        luma.fill(0, offset, offset + MODULE_PIXELS);
      }
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128); // no colour: U and V at their midpoint
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  await writeFile(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
}
