import { writeFile } from 'node:fs/promises';
import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;
const MODULE_PIXELS = 8;

/**
 * Writes a Y4M video showing `text` as a QR code: Chromium plays it as the camera with
 * `--use-file-for-fake-video-capture`, so the page's scanner reads a real frame as it would on a tablet.
 * A long code (a certificate's HC1) needs smaller modules to fit the frame.
 */
export async function writeQrVideo(path: string, text: string, modulePixels = MODULE_PIXELS): Promise<void> {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const luma = Buffer.alloc(WIDTH * HEIGHT, 255);
  const side = modules.size * modulePixels;
  const left = Math.floor((WIDTH - side) / 2);
  const top = Math.floor((HEIGHT - side) / 2);
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (!modules.get(row, column)) continue;
      for (let y = 0; y < modulePixels; y += 1) {
        const offset = (top + row * modulePixels + y) * WIDTH + left + column * modulePixels;
        luma.fill(0, offset, offset + modulePixels);
      }
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128); // no colour: U and V at their midpoint
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  await writeFile(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
}
