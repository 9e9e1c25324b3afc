import type { IssuedCertificateRecord } from '../certificate/issued-certificate-record';

/** A fictitious record rendered once at boot so fonts and layout are loaded before the first holder waits. */
export const WARM_UP_RECORD: IssuedCertificateRecord = {
  certificateId: 'URN:UVCI:01:DE:WARMUP/0000000000000000#0',
  person: { familyName: 'Muster', givenName: 'Erika', birthDate: '1970-01-01' },
  doses: [
    {
      vaccine: 'comirnaty',
      productName: 'Comirnaty',
      manufacturer: 'BioNTech Manufacturing GmbH',
      doseNumber: 1,
      seriesDoses: 2,
      date: '2021-05-01',
      country: 'DE',
    },
  ],
  issuerName: 'Warm-up',
  tenant: 'warm-up',
  hc1: 'HC1:WARMUP',
  shcJws: 'e30.e30.e30',
};
