import { jwsToQrText } from '@vaccinate/smart-health-card';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateLocale } from '../src/certificate/certificate-request';
import { renderCertificatePdf } from '../src/pdf/certificate-pdf.renderer';
import { CERTIFICATE_TEXTS } from '../src/pdf/certificate-texts';
import { createTestIssuer, issueTestToken, type TestIssuer } from './support/certificate-issuer.fixture';
import { overlapArea, readPageLayout, type PageLayout } from './support/pdf-layout';
import { readPdf } from './support/pdf-reader';
import { readStructureTree } from './support/pdf-structure';

const ACME = 'https://acme.vaccinate.example';
/** The side both QR codes were printed at before this layout: modules may grow, never shrink. */
const QR_SIDE = 220;
const DOCTOR = 'Dr. med. Anna-Katharina Weiß-Oberländer';

/** Words overlapping each other or a QR code, and words outside the page margins. */
function layoutFaults(page: PageLayout): string[] {
  const faults: string[] = [];
  page.words.forEach((word, index) => {
    if (word.left < 30 || word.right > page.width - 30 || word.top < 0 || word.bottom > page.height - 30) faults.push(`"${word.text}" is cut off`);
    for (const other of page.words.slice(index + 1)) {
      // Word boxes span the font's whole ascent and descent, so lines touch; a real overlap is more.
      if (overlapArea(word, other) > 4) faults.push(`"${word.text}" overlaps "${other.text}"`);
    }
    for (const image of page.images) if (overlapArea(word, image) > 0) faults.push(`"${word.text}" overlaps a QR code`);
  });
  return faults;
}

/** Each test reads its QR codes back at several resolutions, which takes a while on a loaded machine. */
const READ_BACK_TIMEOUT = 90_000;

describe('certificate layout', { timeout: READ_BACK_TIMEOUT }, () => {
  let acme: TestIssuer;

  beforeAll(async () => {
    acme = await createTestIssuer(ACME, 'acme-cs-1');
  });

  it.each<CertificateLocale>(['de', 'en'])('fits three doses with the doctor named on one page (%s), both QR codes next to the person and readable', async (locale) => {
    const { record } = await issueTestToken(acme, { vaccinatorName: DOCTOR });
    const pdf = await renderCertificatePdf(record, locale);
    const pages = await readPageLayout(pdf);
    expect(pages).toHaveLength(1);
    const [page] = pages as [PageLayout];
    expect(page.images).toHaveLength(2);
    for (const image of page.images) {
      expect(image.right - image.left).toBeGreaterThanOrEqual(QR_SIDE);
      expect(image.bottom - image.top).toBeCloseTo(image.right - image.left, 3);
    }
    expect(layoutFaults(page)).toEqual([]);

    // The codes sit between the person and the doses.
    const texts = CERTIFICATE_TEXTS[locale];
    const text = page.text.replace(/\s+/g, ' ');
    expect(text.indexOf(texts.birthDate)).toBeLessThan(text.indexOf(texts.codesHeading));
    expect(text.indexOf(texts.codesHeading)).toBeLessThan(text.indexOf(texts.dosesHeading));
    expect(text).toContain(texts.dose(3, 3));
    expect(page.words.filter((word) => word.text === 'Oberländer')).toHaveLength(3);

    const read = await readPdf(pdf);
    expect(new Set(read.qrCodes)).toEqual(new Set([record.hc1, jwsToQrText(record.shcJws)]));
  });

  it('fits six doses with the doctor named on page 1 next to the QR codes', async () => {
    const { record } = await issueTestToken(acme, { vaccinatorName: DOCTOR, doseCount: 6 });
    const pages = await readPageLayout(await renderCertificatePdf(record, 'de'));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.images).toHaveLength(2);
    expect(layoutFaults(pages[0]!)).toEqual([]);
    expect(pages[0]!.text.replace(/\s+/g, ' ')).toContain(CERTIFICATE_TEXTS.de.dose(6, 6));
  });

  it('keeps the QR codes on page 1 for eight doses and runs the dose table onto page 2 under a repeated header row', async () => {
    const { record } = await issueTestToken(acme, { vaccinatorName: DOCTOR, doseCount: 8 });
    const pdf = await renderCertificatePdf(record, 'de');
    const pages = await readPageLayout(pdf);
    expect(pages).toHaveLength(2);
    const [first, second] = pages as [PageLayout, PageLayout];
    expect(first.images).toHaveLength(2);
    expect(second.images).toHaveLength(0);
    for (const page of pages) expect(layoutFaults(page)).toEqual([]);

    const texts = CERTIFICATE_TEXTS.de;
    const columnHeaders = [texts.doseColumn, texts.date, texts.product, texts.manufacturer, texts.country, texts.lot, texts.vaccinatedBy];
    const headerWords = columnHeaders.flatMap((header) => header.split(' '));
    // The header row opens page 2, above the first dose there.
    const secondWords = second.words.map((word) => word.text);
    expect(secondWords.slice(0, headerWords.length).sort()).toEqual([...headerWords].sort());
    const secondText = second.text.replace(/\s+/g, ' ');
    expect(secondText).toContain(texts.dose(8, 8));
    expect(secondText).not.toContain(texts.codesHeading);
    // Every dose once, each row whole on one page.
    const pageTexts = pages.map((page) => page.text.replace(/\s+/g, ' '));
    for (const [dn, sd] of [
      [1, 2],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
      [6, 6],
      [7, 7],
      [8, 8],
    ] as const) {
      expect(pageTexts.join(' ').split(texts.dose(dn, sd))).toHaveLength(2);
    }
    expect(pageTexts.filter((text) => text.includes('FD7007'))).toEqual([secondText]);

    // The repeated header row is pagination: the structure tree has one header row, eight dose rows.
    const tree = await readStructureTree(pdf);
    const columnHeaderCells = tree.filter((element) => element.role === 'TH' && columnHeaders.includes(element.text));
    expect(columnHeaderCells.map((element) => element.text)).toEqual(columnHeaders);
    expect(tree.filter((element) => element.role === 'TR')).toHaveLength(3 + 1 + 8);
    // A line broken after a hyphen reads back with a space there.
    expect(tree.filter((element) => element.role === 'TD' && element.text.replace(/- /g, '-') === DOCTOR)).toHaveLength(8);

    const read = await readPdf(pdf);
    expect(new Set(read.qrCodes)).toEqual(new Set([record.hc1, jwsToQrText(record.shcJws)]));
  });
});
