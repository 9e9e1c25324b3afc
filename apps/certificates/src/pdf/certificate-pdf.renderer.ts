import { renderToBuffer } from '@react-pdf/renderer';
import { jwsToQrText } from '@vaccinate/smart-health-card';
import type { CertificateLocale } from '../certificate/certificate-request';
import type { IssuedCertificateRecord } from '../certificate/issued-certificate-record';
import { CertificateDocument } from './certificate-document';
import { registerCertificateFonts } from './certificate-fonts';
import { hc1QrPng, shcQrPng } from './qr-image.util';

/** Renders the certificate PDF in memory; nothing is written to disk. */
export async function renderCertificatePdf(record: IssuedCertificateRecord, locale: CertificateLocale): Promise<Buffer> {
  registerCertificateFonts();
  const [hc1Png, shcPng] = await Promise.all([hc1QrPng(record.hc1), shcQrPng(jwsToQrText(record.shcJws))]);
  // Called as a function: the renderer wants the <Document> element itself at the root.
  return renderToBuffer(CertificateDocument({ record, locale, hc1Png, shcPng }));
}
