import { SHC_QR_PREFIX } from '@vaccinate/smart-health-card';
import QRCode from 'qrcode';

/** Pixels per QR module: crisp when the PDF is printed or rasterised at 150 dpi and more. */
const MODULE_PIXELS = 8;

/** The EU DCC QR: the whole `HC1:` text in alphanumeric mode (base45 is that alphabet), ECC Q as the DCC guidelines ask. */
export function hc1QrPng(hc1: string): Promise<Buffer> {
  return QRCode.toBuffer([{ data: hc1, mode: 'alphanumeric' }], { errorCorrectionLevel: 'Q', scale: MODULE_PIXELS, margin: 4 });
}

/** The SMART Health Card QR: `shc:/` in byte mode, then the digits in numeric mode, ECC L as the SHC spec asks. */
export function shcQrPng(qrText: string): Promise<Buffer> {
  const digits = qrText.slice(SHC_QR_PREFIX.length);
  return QRCode.toBuffer(
    [
      { data: Buffer.from(SHC_QR_PREFIX, 'ascii'), mode: 'byte' },
      { data: digits, mode: 'numeric' },
    ],
    { errorCorrectionLevel: 'L', scale: MODULE_PIXELS, margin: 4 },
  );
}
