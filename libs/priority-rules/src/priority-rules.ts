/**
 * A tenant's priority groups as data. Staff edit them, so every shape here is plain JSON and is
 * only trusted after `validatePriorityRules`.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  /** Completed years on the day of assignment; both bounds inclusive. */
  | { age: { min?: number; max?: number } }
  /** Matches when the person has at least one of these occupations. */
  | { occupation: string[] }
  /** Matches when the questionnaire answer has exactly this value and type. */
  | { answer: { question: string; equals: AnswerValue } }
  | { always: true };

export type AnswerValue = string | boolean | number;

export interface PriorityGroupName {
  de: string;
  en: string;
}

export interface PriorityGroup {
  id: string;
  /** 1 is served first. */
  rank: number;
  name: PriorityGroupName;
  match: Condition;
}

export interface PriorityRules {
  version: 1;
  groups: PriorityGroup[];
}

/** What the rules may look at; nothing else of a registration reaches them. */
export interface PriorityPerson {
  birthDate: string;
  occupations: string[];
  answers: Record<string, AnswerValue>;
}

export interface PriorityAssignment {
  groupId: string;
  rank: number;
}

export interface PriorityRulesProblem {
  field: string;
  message: string;
}

/** Bounds a stored rule set must stay within, so one tenant's rules cannot become expensive to store or evaluate. */
export const PRIORITY_RULES_LIMITS = {
  maxGroups: 50,
  maxRank: 1000,
  maxDepth: 6,
  maxConditionsPerList: 20,
  maxConditions: 500,
  maxOccupationsPerCondition: 50,
  maxKeyLength: 64,
  maxTextLength: 120,
  maxAgeYears: 150,
} as const;
