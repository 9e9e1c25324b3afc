import { Document, Image, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { CertificateLocale } from '../certificate/certificate-request';
import type { IssuedCertificateRecord } from '../certificate/issued-certificate-record';
import { CERTIFICATE_FONT_FAMILY } from './certificate-fonts';
import { CERTIFICATE_TEXTS, countryName, formatDate } from './certificate-texts';
import { normalizeColor, readableTextOn } from './color.util';

export interface CertificateDocumentProps {
  record: IssuedCertificateRecord;
  locale: CertificateLocale;
  hc1Png: Buffer;
  shcPng: Buffer;
}

const styles = StyleSheet.create({
  page: { fontFamily: CERTIFICATE_FONT_FAMILY, fontSize: 10, color: '#1b1b1b', paddingBottom: 36 },
  header: { paddingHorizontal: 36, paddingVertical: 18 },
  issuer: { fontSize: 11 },
  title: { fontSize: 20, fontWeight: 'bold', marginTop: 4 },
  body: { paddingHorizontal: 36, paddingTop: 14 },
  heading: { fontSize: 12, fontWeight: 'bold', marginTop: 12, marginBottom: 6 },
  row: { flexDirection: 'row', marginBottom: 2 },
  label: { width: 150, color: '#4a4a4a' },
  value: { flex: 1 },
  dose: { borderTopWidth: 1, borderTopColor: '#d0d0d0', paddingVertical: 6 },
  doseTitle: { fontWeight: 'bold', marginBottom: 3 },
  codes: { flexDirection: 'row', justifyContent: 'space-between', marginTop: 4 },
  code: { width: '48%' },
  qr: { width: 220, height: 220, alignSelf: 'center' },
  alt: { fontSize: 8, color: '#4a4a4a', marginTop: 4 },
  footer: { fontSize: 8, color: '#4a4a4a', marginTop: 14 },
});

/**
 * One A4 page in reading order: issuer and title, the person, the doses, then the two QR codes
 * each followed by its text description. All text is real text in an embedded font.
 */
export function CertificateDocument({ record, locale, hc1Png, shcPng }: CertificateDocumentProps) {
  const texts = CERTIFICATE_TEXTS[locale];
  const brand = normalizeColor(record.brandColor);
  const onBrand = readableTextOn(brand);
  const fullName = `${record.person.familyName}, ${record.person.givenName}`;
  return (
    <Document
      title={`${texts.title} – ${record.issuerName}`}
      subject={texts.subject}
      author={record.issuerName}
      creator={record.issuerName}
      producer="vaccinate certificates"
      language={locale}
    >
      <Page size="A4" style={styles.page}>
        <View style={[styles.header, { backgroundColor: brand, color: onBrand }]}>
          <Text style={styles.issuer}>{`${texts.issuedBy}: ${record.issuerName}`}</Text>
          <Text style={styles.title}>{texts.title}</Text>
        </View>
        <View style={styles.body}>
          <Text style={styles.heading}>{texts.personHeading}</Text>
          <Field label={texts.name} value={fullName} />
          <Field label={texts.birthDate} value={formatDate(record.person.birthDate, locale)} />
          <Field label={texts.certificateId} value={record.certificateId} />

          <Text style={styles.heading}>{texts.dosesHeading}</Text>
          {record.doses.map((dose, index) => (
            <View key={index} style={styles.dose} wrap={false}>
              <Text style={styles.doseTitle}>{`${texts.dose(dose.doseNumber, dose.seriesDoses)}: ${dose.productName}`}</Text>
              <Field label={texts.product} value={dose.productName} />
              <Field label={texts.manufacturer} value={dose.manufacturer} />
              <Field label={texts.date} value={formatDate(dose.date, locale)} />
              <Field label={texts.country} value={countryName(dose.country, locale)} />
              {dose.lotNumber ? <Field label={texts.lot} value={dose.lotNumber} /> : null}
            </View>
          ))}

          <View wrap={false}>
            <Text style={styles.heading}>{texts.codesHeading}</Text>
            <View style={styles.codes}>
              <QrCode heading={texts.hc1Heading} alt={texts.hc1Alt} png={hc1Png} />
              <QrCode heading={texts.shcHeading} alt={texts.shcAlt} png={shcPng} />
            </View>
            <Text style={styles.footer}>{texts.footer}</Text>
          </View>
        </View>
      </Page>
    </Document>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={styles.row}>
      <Text style={styles.label}>{label}</Text>
      <Text style={styles.value}>{value}</Text>
    </View>
  );
}

function QrCode({ heading, alt, png }: { heading: string; alt: string; png: Buffer }) {
  return (
    <View style={styles.code}>
      <Text style={{ fontWeight: 'bold', marginBottom: 4 }}>{heading}</Text>
      <Image style={styles.qr} src={{ data: png, format: 'png' }} />
      <Text style={styles.alt}>{alt}</Text>
    </View>
  );
}
