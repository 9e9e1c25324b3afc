export const CVX_SYSTEM = 'http://hl7.org/fhir/sid/cvx';
export const SNOMED_SYSTEM = 'http://snomed.info/sct';

/** A COVID-19 vaccine product with the codes the SMART Health Cards vaccine code guidance lists. */
export interface ShcVaccine {
  name: string;
  manufacturer: string;
  /** CDC CVX "vaccine administered" code. */
  cvx: string;
  /** SNOMED CT product code (Canadian extension, as used by the SMART COVID-19 value set). */
  snomed: string;
}

export const SHC_VACCINES = {
  comirnaty: { name: 'Comirnaty', manufacturer: 'Pfizer-BioNTech', cvx: '208', snomed: '28581000087106' },
  spikevax: { name: 'Spikevax', manufacturer: 'Moderna', cvx: '207', snomed: '28571000087109' },
  vaxzevria: { name: 'Vaxzevria', manufacturer: 'AstraZeneca', cvx: '210', snomed: '28761000087108' },
  jcovden: { name: 'Jcovden', manufacturer: 'Janssen', cvx: '212', snomed: '28951000087107' },
  nuvaxovid: { name: 'Nuvaxovid', manufacturer: 'Novavax', cvx: '211', snomed: '29171000087106' },
  unspecified: { name: 'COVID-19 vaccine', manufacturer: 'unknown', cvx: '213', snomed: '28531000087107' },
} as const satisfies Record<string, ShcVaccine>;

export type ShcVaccineId = keyof typeof SHC_VACCINES;
export type ShcCodeSystem = 'cvx' | 'snomed';
