import type { FieldProblem, RuleSet } from '@vaccinate/api-contracts';

/** One condition as the form edits it: text inputs, turned into the rule model on save. */
export type ConditionDraft =
  | { kind: 'age'; min: string; max: string }
  | { kind: 'occupation'; occupations: string }
  | { kind: 'answer'; question: string; answerType: 'yes' | 'no' | 'text' | 'number'; value: string }
  | { kind: 'always' };

export interface GroupDraft {
  /** React's key; stays with the group while it moves. */
  key: string;
  id: string;
  nameDe: string;
  nameEn: string;
  combine: 'any' | 'all';
  conditions: ConditionDraft[];
  /** A condition the form cannot show (nested, negated): kept as it is, edited in the Advanced tab. */
  custom: unknown;
}

export interface LimitDraft {
  key: string;
  productId: string;
  min: string;
  max: string;
}

export interface RulesDraft {
  groups: GroupDraft[];
  limits: LimitDraft[];
}

let nextKey = 0;
export const draftKey = (): string => `draft-${(nextKey += 1)}`;

/** A stored value as input text; the API validated it, anything odd is shown as JSON rather than lost. */
const asText = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function conditionDraft(condition: unknown): ConditionDraft | null {
  if (!isRecord(condition)) return null;
  if (isRecord(condition['age'])) {
    const { min, max } = condition['age'];
    return { kind: 'age', min: asText(min), max: asText(max) };
  }
  if (Array.isArray(condition['occupation'])) return { kind: 'occupation', occupations: condition['occupation'].join(', ') };
  if (isRecord(condition['answer'])) {
    const { question, equals } = condition['answer'];
    const answerType = equals === true ? 'yes' : equals === false ? 'no' : typeof equals === 'number' ? 'number' : 'text';
    return { kind: 'answer', question: asText(question), answerType, value: typeof equals === 'boolean' ? '' : asText(equals) };
  }
  if (condition['always'] === true) return { kind: 'always' };
  return null;
}

/** A group's match as a flat list of conditions joined by "any" or "all", or kept whole when it is more than that. */
function groupDraft(group: RuleSet['rules']['groups'][number]): GroupDraft {
  const base = { key: draftKey(), id: group.id, nameDe: group.name.de, nameEn: group.name.en };
  const match = group.match;
  const single = conditionDraft(match);
  if (single) return { ...base, combine: 'any', conditions: [single], custom: null };
  for (const combine of ['any', 'all'] as const) {
    const parts = isRecord(match) ? match[combine] : undefined;
    if (Array.isArray(parts)) {
      const conditions = parts.map(conditionDraft);
      if (conditions.every((condition): condition is ConditionDraft => condition !== null)) return { ...base, combine, conditions, custom: null };
    }
  }
  return { ...base, combine: 'any', conditions: [], custom: match };
}

export function toDraft(rules: RuleSet['rules'], eligibility: RuleSet['eligibility']): RulesDraft {
  return {
    groups: [...rules.groups].sort((a, b) => a.rank - b.rank).map(groupDraft),
    limits: eligibility.map((limit) => ({
      key: draftKey(),
      productId: limit.productId,
      min: limit.minAgeYears === null ? '' : String(limit.minAgeYears),
      max: limit.maxAgeYears === null ? '' : String(limit.maxAgeYears),
    })),
  };
}

/** A number where the input holds one; anything else goes as typed, so the API names the field. */
const numberOrText = (text: string): number | string => (text.trim() !== '' && !Number.isNaN(Number(text)) ? Number(text) : text);

function condition(draft: ConditionDraft): unknown {
  switch (draft.kind) {
    case 'age':
      return { age: { ...(draft.min.trim() ? { min: numberOrText(draft.min) } : {}), ...(draft.max.trim() ? { max: numberOrText(draft.max) } : {}) } };
    case 'occupation':
      return {
        occupation: draft.occupations
          .split(',')
          .map((occupation) => occupation.trim())
          .filter(Boolean),
      };
    case 'answer': {
      const equals = draft.answerType === 'yes' ? true : draft.answerType === 'no' ? false : draft.answerType === 'number' ? numberOrText(draft.value) : draft.value;
      return { answer: { question: draft.question.trim(), equals } };
    }
    case 'always':
      return { always: true };
  }
}

/** The rules document and eligibility list the API takes; the order of the groups is their rank. */
export function fromDraft(draft: RulesDraft): { rules: Record<string, unknown>; eligibility: unknown[] } {
  return {
    rules: {
      version: 1,
      groups: draft.groups.map((group, index) => ({
        id: group.id,
        rank: index + 1,
        name: { de: group.nameDe, en: group.nameEn },
        match: group.custom ?? (group.conditions.length === 1 ? condition(group.conditions[0] as ConditionDraft) : { [group.combine]: group.conditions.map(condition) }),
      })),
    },
    eligibility: draft.limits.map((limit) => ({
      productId: limit.productId,
      minAgeYears: limit.min.trim() ? numberOrText(limit.min) : null,
      maxAgeYears: limit.max.trim() ? numberOrText(limit.max) : null,
    })),
  };
}

/** A new group's id: lower-case and unique, as the rules require. */
export function newGroupId(groups: GroupDraft[]): string {
  const taken = new Set(groups.map((group) => group.id));
  let n = groups.length + 1;
  while (taken.has(`group-${n}`)) n += 1;
  return `group-${n}`;
}

/**
 * Where the form shows each problem the API named: `group.2.nameEn`, `group.2.condition.0`,
 * `group.2` (id, rank, the conditions as a whole), `limit.1.min`; the rest under `form`.
 */
export function placeProblems(
  problems: FieldProblem[],
  draft: RulesDraft,
  describe: (problem: FieldProblem) => string = (problem) => problem.message,
): Record<string, string[]> {
  const placed: Record<string, string[]> = {};
  const put = (field: string, message: string) => (placed[field] ??= []).push(message);
  for (const found of problems) {
    const problem = { ...found, message: describe(found) };
    const group = /^rules\.groups\.(\d+)(?:\.(.*))?$/.exec(problem.field);
    const limit = /^eligibility\.(\d+)\.(productId|minAgeYears|maxAgeYears)$/.exec(problem.field);
    if (group) {
      const index = Number(group[1]);
      const rest = group[2] ?? '';
      const own = draft.groups[index];
      const part = /^match\.(?:(?:any|all)\.(\d+)|(?=age|occupation|answer|always))/.exec(rest);
      if (rest === 'name.de') put(`group.${index}.nameDe`, problem.message);
      else if (rest === 'name.en' || rest === 'name') put(`group.${index}.nameEn`, problem.message);
      else if (part && own && !own.custom) put(`group.${index}.condition.${part[1] ?? 0}`, problem.message);
      else put(`group.${index}`, problem.message);
    } else if (limit) {
      const input = { productId: 'productId', minAgeYears: 'min', maxAgeYears: 'max' }[limit[2] as 'productId' | 'minAgeYears' | 'maxAgeYears'];
      put(`limit.${limit[1]}.${input}`, problem.message);
    } else put('form', `${problem.field}: ${problem.message}`);
  }
  return placed;
}
