import type { QuestionnaireQuestion } from '@vaccinate/api-contracts';

/** What a tenant asks until its doctors change it: the usual questions of a vaccination information sheet. */
export const DEFAULT_QUESTIONS: QuestionnaireQuestion[] = [
  { key: 'fever_today', text: { en: 'Do you have a fever or feel acutely ill today?', de: 'Haben Sie heute Fieber oder fühlen Sie sich akut krank?' }, flagWhen: 'yes' },
  {
    key: 'allergies',
    text: { en: 'Do you have allergies (e.g. to medicines or vaccine ingredients)?', de: 'Haben Sie Allergien (z. B. gegen Medikamente oder Impfstoffbestandteile)?' },
    flagWhen: 'yes',
  },
  {
    key: 'previous_reaction',
    text: { en: 'Did you react strongly to a previous vaccination?', de: 'Hatten Sie nach einer früheren Impfung eine starke Reaktion?' },
    flagWhen: 'yes',
  },
  { key: 'pregnancy', text: { en: 'Are you pregnant or could you be?', de: 'Sind Sie schwanger oder könnten Sie es sein?' }, flagWhen: 'yes' },
  {
    key: 'blood_thinners',
    text: { en: 'Do you take blood thinners or have a bleeding disorder?', de: 'Nehmen Sie Blutverdünner oder haben Sie eine Blutgerinnungsstörung?' },
    flagWhen: 'yes',
  },
  { key: 'fainting', text: { en: 'Have you ever fainted after an injection?', de: 'Sind Sie nach einer Spritze schon einmal ohnmächtig geworden?' }, flagWhen: 'yes' },
];
