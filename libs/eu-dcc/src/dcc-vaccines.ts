/** The EU-authorised COVID-19 vaccines a vaccination center is likely to administer, with their DCC codes. */
export interface DccVaccine {
  /** Display name. */
  name: string;
  /** `vp`: SNOMED CT vaccine type. */
  prophylaxis: string;
  /** `mp`: EU community register number. */
  product: string;
  /** `ma`: EMA SPOR organisation id of the marketing authorisation holder. */
  marketingAuthorizationHolder: string;
  /** Doses in the primary series, for dose numbering. */
  primarySeriesDoses: number;
}

export const DCC_VACCINES = {
  comirnaty: {
    name: 'Comirnaty',
    prophylaxis: '1119349007',
    product: 'EU/1/20/1528',
    marketingAuthorizationHolder: 'ORG-100030215',
    primarySeriesDoses: 2,
  },
  spikevax: {
    name: 'Spikevax',
    prophylaxis: '1119349007',
    product: 'EU/1/20/1507',
    marketingAuthorizationHolder: 'ORG-100031184',
    primarySeriesDoses: 2,
  },
  vaxzevria: {
    name: 'Vaxzevria',
    prophylaxis: '29061000087103',
    product: 'EU/1/21/1529',
    marketingAuthorizationHolder: 'ORG-100001699',
    primarySeriesDoses: 2,
  },
  jcovden: {
    name: 'Jcovden (COVID-19 Vaccine Janssen)',
    prophylaxis: '29061000087103',
    product: 'EU/1/20/1525',
    marketingAuthorizationHolder: 'ORG-100001417',
    primarySeriesDoses: 1,
  },
  nuvaxovid: {
    name: 'Nuvaxovid',
    prophylaxis: '1162643001',
    product: 'EU/1/21/1618',
    marketingAuthorizationHolder: 'ORG-100032020',
    primarySeriesDoses: 2,
  },
} as const satisfies Record<string, DccVaccine>;

export type DccVaccineId = keyof typeof DCC_VACCINES;
