import { readCondition } from './validate-condition';
import { PRIORITY_RULES_LIMITS as LIMITS, type PriorityGroup, type PriorityGroupName, type PriorityRules, type PriorityRulesProblem } from './priority-rules';
import { fieldPath, isRecord, isWholeNumberBetween, keyProblem, refuseUnknownKeys, type ValidationContext } from './validation-context';

export type PriorityRulesValidation = { rules: PriorityRules } | { problems: PriorityRulesProblem[] };

/**
 * Checks a stored or submitted rule set and reports every problem with its dotted path
 * (`groups.2.match.any.0.age.min`; an empty field is the document itself). On success the rules
 * are a fresh copy, so nothing outside the known shape travels on.
 */
export function validatePriorityRules(document: unknown): PriorityRulesValidation {
  const context: ValidationContext = { problems: [], conditions: 0 };
  if (!isRecord(document)) {
    return { problems: [{ field: '', message: 'must be an object with version and groups' }] };
  }
  refuseUnknownKeys(document, ['version', 'groups'], '', context);
  if (document['version'] !== 1) context.problems.push({ field: 'version', message: 'must be 1' });
  const groups = readGroups(document['groups'], context);
  if (context.problems.length > 0 || groups === undefined) return { problems: context.problems };
  return { rules: { version: 1, groups } };
}

function readGroups(value: unknown, context: ValidationContext): PriorityGroup[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    context.problems.push({ field: 'groups', message: 'must be a non-empty list of groups' });
    return undefined;
  }
  if (value.length > LIMITS.maxGroups) {
    context.problems.push({ field: 'groups', message: `must list at most ${LIMITS.maxGroups} groups` });
    return undefined;
  }
  const groups: PriorityGroup[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const group = readGroup(value[index], fieldPath('groups', index), context);
    if (group) groups.push(group);
  }
  refuseRepeats(value, 'id', context);
  refuseRepeats(value, 'rank', context);
  return groups.length === value.length ? groups : undefined;
}

function readGroup(value: unknown, path: string, context: ValidationContext): PriorityGroup | undefined {
  if (!isRecord(value)) {
    context.problems.push({ field: path, message: 'must be an object with id, rank, name and match' });
    return undefined;
  }
  let valid = refuseUnknownKeys(value, ['id', 'rank', 'name', 'match'], path, context);
  const id = value['id'];
  const idProblem = keyProblem(id, LIMITS.maxKeyLength);
  if (idProblem !== null) {
    context.problems.push({ field: fieldPath(path, 'id'), message: idProblem });
    valid = false;
  }
  const rank = value['rank'];
  if (!isWholeNumberBetween(rank, 1, LIMITS.maxRank)) {
    context.problems.push({ field: fieldPath(path, 'rank'), message: `must be a whole number from 1 to ${LIMITS.maxRank}` });
    valid = false;
  }
  const name = readName(value['name'], fieldPath(path, 'name'), context);
  const match = readCondition(value['match'], fieldPath(path, 'match'), 1, context);
  if (!valid || typeof id !== 'string' || typeof rank !== 'number' || !name || !match) return undefined;
  return { id, rank, name, match };
}

function readName(value: unknown, path: string, context: ValidationContext): PriorityGroupName | undefined {
  if (!isRecord(value)) {
    context.problems.push({ field: path, message: 'must be an object with de and en' });
    return undefined;
  }
  let valid = refuseUnknownKeys(value, ['de', 'en'], path, context);
  const name: PriorityGroupName = { de: '', en: '' };
  for (const language of ['de', 'en'] as const) {
    const text = value[language];
    if (typeof text === 'string' && text.trim().length > 0 && text.length <= LIMITS.maxTextLength) name[language] = text;
    else {
      context.problems.push({ field: fieldPath(path, language), message: `must be a non-blank text of at most ${LIMITS.maxTextLength} characters` });
      valid = false;
    }
  }
  return valid ? name : undefined;
}

/** Points each later group that repeats an id or rank at the first group that has it. */
function refuseRepeats(groups: unknown[], key: 'id' | 'rank', context: ValidationContext): void {
  const firstIndexOf = new Map<unknown, number>();
  groups.forEach((group, index) => {
    if (!isRecord(group)) return;
    const value = group[key];
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const first = firstIndexOf.get(value);
    if (first === undefined) firstIndexOf.set(value, index);
    else context.problems.push({ field: `groups.${index}.${key}`, message: `repeats the ${key} of groups.${first}` });
  });
}
