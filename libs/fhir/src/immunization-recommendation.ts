import { nextDoseAfter, type DoseScheduleProduct } from '@vaccinate/dose-schedule';
import type { CodeableConcept, ImmunizationRecommendation } from './fhir-types';
import { urnUuid } from './resource-id';
import { COVID_19, vaccineCodeOf, type VaccineProductNames } from './vaccine-code';

const LOINC = 'http://loinc.org';
const FORECAST_STATUS = 'http://terminology.hl7.org/CodeSystem/immunization-recommendation-status';

const criterion = (code: string, display: string): CodeableConcept => ({ coding: [{ system: LOINC, code, display }] });
const EARLIEST = criterion('30981-5', 'Earliest date to give');
const DUE = criterion('30980-7', 'Date vaccine due');
const LATEST = criterion('59777-3', 'Latest date to give immunization');

export type ForecastStatus = 'due' | 'overdue' | 'complete';

export interface RecommendationInput {
  id: string;
  patientId: string;
  product: DoseScheduleProduct & VaccineProductNames;
  /** The latest valid dose of the product, or none yet. */
  lastDose: { immunizationId: string; doseNumber: number; seriesDoses: number; date: string } | null;
  /** Today in the tenant's time zone, YYYY-MM-DD. */
  today: string;
  /** When the forecast was made, an ISO date-time. */
  madeAt: string;
}

/** The next dose after the last one, with its window, as the dose schedule computes it; `complete` when none follows. */
export function immunizationRecommendation(input: RecommendationInput): ImmunizationRecommendation {
  const { product, lastDose } = input;
  const status = (code: ForecastStatus): CodeableConcept => ({ coding: [{ system: FORECAST_STATUS, code }] });
  const base = { targetDisease: COVID_19, vaccineCode: [vaccineCodeOf(product)] };
  let recommendation: ImmunizationRecommendation['recommendation'][number];
  if (!lastDose) {
    recommendation = { ...base, forecastStatus: status('due'), doseNumberPositiveInt: 1, seriesDosesPositiveInt: product.primaryDoses };
  } else {
    const next = nextDoseAfter(product, { doseNumber: lastDose.doseNumber, date: lastDose.date });
    const supportingImmunization = [{ reference: urnUuid(lastDose.immunizationId) }];
    if (!next) {
      recommendation = { ...base, forecastStatus: status('complete'), supportingImmunization };
    } else {
      recommendation = {
        ...base,
        forecastStatus: status(input.today > next.window.latest ? 'overdue' : 'due'),
        dateCriterion: [
          { code: EARLIEST, value: next.window.earliest },
          { code: DUE, value: next.window.recommended },
          { code: LATEST, value: next.window.latest },
        ],
        doseNumberPositiveInt: next.doseNumber,
        seriesDosesPositiveInt: next.kind === 'booster' ? next.doseNumber : product.primaryDoses,
        supportingImmunization,
      };
    }
  }
  return {
    resourceType: 'ImmunizationRecommendation',
    id: input.id,
    patient: { reference: urnUuid(input.patientId) },
    date: input.madeAt,
    recommendation: [recommendation],
  };
}
