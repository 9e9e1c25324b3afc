import { DCC_VACCINES, type DccVaccineId } from '@vaccinate/eu-dcc';
import { CVX_SYSTEM, SHC_VACCINES } from '@vaccinate/smart-health-card';
import type { CodeableConcept } from './fhir-types';

/** The EU Union Register of medicinal products: the code system of the DCC's `mp`. */
export const EU_PRODUCT_SYSTEM = 'https://ec.europa.eu/health/documents/community-register/html/';
export const SNOMED_SYSTEM = 'http://snomed.info/sct';

/** COVID-19 (SNOMED CT 840539006): the disease every product of the catalogue targets. */
export const COVID_19: CodeableConcept = { coding: [{ system: SNOMED_SYSTEM, code: '840539006', display: 'COVID-19' }] };

/** A product as the catalogue names it: the EU register number, when it has one, decides the codes. */
export interface VaccineProductNames {
  productName: string;
  euProductCode?: string;
}

/** The key shared by the DCC and SMART Health Card tables for an EU product code; `unspecified` when neither knows it. */
export function vaccineKeyOf(euProductCode: string | undefined): DccVaccineId | 'unspecified' {
  const code = euProductCode?.trim();
  const known = (Object.keys(DCC_VACCINES) as DccVaccineId[]).find((id) => DCC_VACCINES[id].product === code);
  return known ?? 'unspecified';
}

/** The vaccine in CVX (what US tools read) and the EU product code (what EU tools read), with the product's name as text. */
export function vaccineCodeOf(product: VaccineProductNames): CodeableConcept {
  const key = vaccineKeyOf(product.euProductCode);
  const cvx = SHC_VACCINES[key];
  const euCode = product.euProductCode?.trim() || (key === 'unspecified' ? undefined : DCC_VACCINES[key].product);
  return {
    coding: [{ system: CVX_SYSTEM, code: cvx.cvx, display: cvx.name }, ...(euCode ? [{ system: EU_PRODUCT_SYSTEM, code: euCode, display: product.productName }] : [])],
    text: product.productName,
  };
}

/** The EU code of a key from a certificate record (which carries the key, not the code). */
export function euProductCodeOfKey(key: string): string | undefined {
  return key in DCC_VACCINES ? DCC_VACCINES[key as DccVaccineId].product : undefined;
}
