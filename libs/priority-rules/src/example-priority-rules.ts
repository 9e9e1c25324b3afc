import type { PriorityRules } from './priority-rules';

/** A realistic starting set for a company's vaccination center; new tenants begin with it and edit it. */
export function examplePriorityRules(): PriorityRules {
  return {
    version: 1,
    groups: [
      {
        id: 'medical-staff-and-60-plus',
        rank: 1,
        name: { de: 'Medizinisches Personal und Personen ab 60', en: 'Medical staff and people aged 60 and over' },
        match: { any: [{ occupation: ['medical-staff'] }, { age: { min: 60 } }] },
      },
      {
        id: 'shift-work-and-chronic-conditions',
        rank: 2,
        name: { de: 'Schichtarbeit und chronische Erkrankungen', en: 'Shift work and chronic conditions' },
        match: { any: [{ occupation: ['shift-work'] }, { answer: { question: 'chronic-condition', equals: true } }] },
      },
      {
        id: 'everyone',
        rank: 3,
        name: { de: 'Alle Beschäftigten', en: 'All employees' },
        match: { always: true },
      },
    ],
  };
}
