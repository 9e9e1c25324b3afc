import { isValidUvci } from '@vaccinate/eu-dcc';
import { describe, expect, it } from 'vitest';
import { buildCertificateContent, newCertificateId, standardised, type CertificateIssuer } from './certificate-content.builder';
import type { CertificateFacts, DoseFacts } from './certificate-facts';

const issuer: CertificateIssuer = { tenantSlug: 'big-corp', issuerName: 'Big Corp AG', country: 'DE', timeZone: 'Europe/Berlin', namesVaccinator: false };

function dose(id: string, doseNumber: number, administeredAt: string, product: Partial<DoseFacts> = {}): DoseFacts {
  return {
    vaccinationId: id,
    productName: 'Comirnaty',
    manufacturer: 'BioNTech Manufacturing GmbH',
    euProductCode: 'EU/1/20/1528',
    marketingAuthorisationHolder: 'ORG-100030215',
    doseNumber,
    seriesDoses: 2,
    administeredAt: new Date(administeredAt),
    lotNumber: `L${doseNumber}`,
    vaccinatorName: 'Dr. Anna Weiß',
    ...product,
  };
}

const holder = { personId: 'p', familyName: 'Müller', givenName: 'Jürgen', birthDate: '1970-01-31', email: 'j@example.org', locale: null };

describe('certificate content', () => {
  it('makes UVCIs with the tenant as issuing entity and a valid check character', () => {
    const id = newCertificateId(issuer);
    expect(id).toMatch(/^URN:UVCI:01:DE:BIG\/CORP\/[A-Z0-9]{26}#[A-Z0-9/:]$/);
    expect(isValidUvci(id)).toBe(true);
    expect(newCertificateId(issuer)).not.toBe(id);
  });

  it('certifies the last dose in the DCC and lists the history, dates in the tenant zone', () => {
    // 23:30 UTC on 31 March is 1 April in Berlin.
    const facts: CertificateFacts = {
      holder,
      certified: dose('c', 3, '2026-03-31T23:30:00Z'),
      listed: [dose('a', 1, '2025-01-01T09:00:00Z'), dose('b', 2, '2025-02-01T09:00:00Z'), dose('c', 3, '2026-03-31T23:30:00Z')],
    };
    const content = buildCertificateContent(facts, issuer, 'URN:UVCI:01:DE:X#Y');
    expect(content.record.doses.map((d) => [d.doseNumber, d.seriesDoses, d.date])).toEqual([
      [1, 2, '2025-01-01'],
      [2, 2, '2025-02-01'],
      [3, 3, '2026-04-01'],
    ]);
    expect(content.dccPayload.v[0]).toMatchObject({ dn: 3, sd: 3, dt: '2026-04-01', vp: '1119349007', mp: 'EU/1/20/1528', is: 'Big Corp AG', ci: 'URN:UVCI:01:DE:X#Y' });
    expect(content.dccPayload.nam).toEqual({ fn: 'Müller', fnt: 'MUELLER', gn: 'Jürgen', gnt: 'JUERGEN' });
    expect(content.shcBundle.entry).toHaveLength(4);
  });

  it('names the vaccinating doctor on the page only, and only when the tenant turned it on', () => {
    const facts: CertificateFacts = { holder, certified: dose('a', 1, '2025-01-01T09:00:00Z'), listed: [dose('a', 1, '2025-01-01T09:00:00Z')] };
    expect(buildCertificateContent(facts, issuer, 'URN:UVCI:01:DE:X#Y').record.doses[0]).not.toHaveProperty('vaccinatorName');
    const named = buildCertificateContent(facts, { ...issuer, namesVaccinator: true }, 'URN:UVCI:01:DE:X#Y');
    expect(named.record.doses[0]?.vaccinatorName).toBe('Dr. Anna Weiß');
    expect(JSON.stringify([named.dccPayload, named.shcBundle])).not.toContain('Weiß');
    const unnamed = { ...facts, certified: dose('a', 1, '2025-01-01T09:00:00Z', { vaccinatorName: null }) };
    expect(
      buildCertificateContent({ ...unnamed, listed: [unnamed.certified] }, { ...issuer, namesVaccinator: true }, 'URN:UVCI:01:DE:X#Y').record.doses[0],
    ).not.toHaveProperty('vaccinatorName');
  });

  it('falls back to the generic COVID-19 codes for a product the tables do not know', () => {
    const unknown = dose('u', 1, '2026-01-01T10:00:00Z', { euProductCode: 'EU/1/99/0001', productName: 'Newvax', marketingAuthorisationHolder: 'ORG-1' });
    const content = buildCertificateContent({ holder, certified: unknown, listed: [unknown] }, issuer, 'URN:UVCI:01:DE:X#Y');
    expect(content.record.doses[0]?.vaccine).toBe('unspecified');
    expect(content.dccPayload.v[0]).toMatchObject({ vp: 'J07BX03', mp: 'EU/1/99/0001', ma: 'ORG-1', dn: 1, sd: 2 });
  });

  it('standardises names the transliteration table lacks instead of failing', () => {
    expect(standardised('Dvořák-Nováková')).toBe('DVORAK<NOVAKOVA');
    expect(standardised('王')).toBe('X');
    expect(standardised('  ')).toBeUndefined();
  });
});
