import { toBuffer } from 'qrcode';

/** A PNG QR code of the booking code, the same text staff scan at check-in. */
export function checkInQrPng(bookingCode: string): Promise<Buffer> {
  return toBuffer(bookingCode, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 });
}
