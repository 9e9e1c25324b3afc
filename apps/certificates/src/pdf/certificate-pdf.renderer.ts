import { jwsToQrText } from '@vaccinate/smart-health-card';
import type { CertificateLocale } from '../certificate/certificate-request';
import type { IssuedCertificateRecord } from '../certificate/issued-certificate-record';
import { renderCertificateDocument } from './certificate-document';
import { hc1QrPng, shcQrPng } from './qr-image.util';

/** Renders the certificate PDF in memory; nothing is written to disk. */
export async function renderCertificatePdf(record: IssuedCertificateRecord, locale: CertificateLocale): Promise<Buffer> {
  const [hc1Png, shcPng] = await Promise.all([hc1QrPng(record.hc1), shcQrPng(jwsToQrText(record.shcJws))]);
  return renderCertificateDocument({ record, locale, hc1Png, shcPng });
}
