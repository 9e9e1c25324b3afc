import { PRIORITY_RULES_LIMITS as LIMITS, type AnswerValue, type Condition } from './priority-rules';
import { fieldPath, isRecord, isWholeNumberBetween, keyProblem, refuseUnknownKeys, type ValidationContext } from './validation-context';

const CONDITION_KINDS = ['all', 'any', 'not', 'age', 'occupation', 'answer', 'always'] as const;
type ConditionKind = (typeof CONDITION_KINDS)[number];

function isConditionKind(key: string): key is ConditionKind {
  return (CONDITION_KINDS as readonly string[]).includes(key);
}

/**
 * Reads one condition at `path`, reporting every problem found; returns a fresh copy, or undefined
 * when anything below it is wrong. `depth` is 1 for a group's `match`.
 */
export function readCondition(value: unknown, path: string, depth: number, context: ValidationContext): Condition | undefined {
  if (!isRecord(value)) {
    context.problems.push({ field: path, message: 'must be a condition object' });
    return undefined;
  }
  if (depth > LIMITS.maxDepth) {
    context.problems.push({ field: path, message: `nests deeper than ${LIMITS.maxDepth} levels` });
    return undefined;
  }
  context.conditions += 1;
  if (context.conditions > LIMITS.maxConditions) {
    // Reported once, at the first condition over the limit; the rest is not read.
    if (context.conditions === LIMITS.maxConditions + 1) {
      context.problems.push({ field: path, message: `exceeds the limit of ${LIMITS.maxConditions} conditions in a rule set` });
    }
    return undefined;
  }

  const keys = Object.keys(value);
  const known = keys.filter(isConditionKind);
  const allKnown = refuseUnknownKeys(value, CONDITION_KINDS, path, context);
  const [kind] = known;
  if (known.length !== 1 || kind === undefined) {
    if (allKnown || known.length > 1) {
      context.problems.push({ field: path, message: `must have exactly one of ${CONDITION_KINDS.join(', ')}` });
    }
    return undefined;
  }
  const condition = readConditionBody(kind, value[kind], fieldPath(path, kind), depth, context);
  return allKnown ? condition : undefined;
}

function readConditionBody(kind: ConditionKind, body: unknown, path: string, depth: number, context: ValidationContext): Condition | undefined {
  switch (kind) {
    case 'all': {
      const all = readConditionList(body, path, depth, context);
      return all && { all };
    }
    case 'any': {
      const any = readConditionList(body, path, depth, context);
      return any && { any };
    }
    case 'not': {
      const not = readCondition(body, path, depth + 1, context);
      return not && { not };
    }
    case 'age':
      return readAge(body, path, context);
    case 'occupation':
      return readOccupation(body, path, context);
    case 'answer':
      return readAnswer(body, path, context);
    case 'always':
      if (body === true) return { always: true };
      context.problems.push({ field: path, message: 'must be true' });
      return undefined;
  }
}

function readConditionList(body: unknown, path: string, depth: number, context: ValidationContext): Condition[] | undefined {
  // An empty list would match everyone (all) or no one (any): almost surely an editing slip.
  if (!Array.isArray(body) || body.length === 0) {
    context.problems.push({ field: path, message: 'must be a non-empty list of conditions' });
    return undefined;
  }
  if (body.length > LIMITS.maxConditionsPerList) {
    context.problems.push({ field: path, message: `must list at most ${LIMITS.maxConditionsPerList} conditions` });
    return undefined;
  }
  const conditions: Condition[] = [];
  let valid = true;
  for (let index = 0; index < body.length; index += 1) {
    const condition = readCondition(body[index], fieldPath(path, index), depth + 1, context);
    if (condition) conditions.push(condition);
    else valid = false;
  }
  return valid ? conditions : undefined;
}

function readAge(body: unknown, path: string, context: ValidationContext): Condition | undefined {
  if (!isRecord(body)) {
    context.problems.push({ field: path, message: 'must be an object with min and/or max' });
    return undefined;
  }
  let valid = refuseUnknownKeys(body, ['min', 'max'], path, context);
  const age: { min?: number; max?: number } = {};
  for (const bound of ['min', 'max'] as const) {
    if (!(bound in body)) continue;
    const years = body[bound];
    if (isWholeNumberBetween(years, 0, LIMITS.maxAgeYears)) age[bound] = years;
    else {
      context.problems.push({ field: fieldPath(path, bound), message: `must be a whole number of years from 0 to ${LIMITS.maxAgeYears}` });
      valid = false;
    }
  }
  if (!('min' in body) && !('max' in body)) {
    context.problems.push({ field: path, message: 'must set min, max or both' });
    valid = false;
  }
  if (age.min !== undefined && age.max !== undefined && age.min > age.max) {
    context.problems.push({ field: fieldPath(path, 'max'), message: 'must not be below min' });
    valid = false;
  }
  return valid ? { age } : undefined;
}

function readOccupation(body: unknown, path: string, context: ValidationContext): Condition | undefined {
  if (!Array.isArray(body) || body.length === 0) {
    context.problems.push({ field: path, message: 'must be a non-empty list of occupations' });
    return undefined;
  }
  if (body.length > LIMITS.maxOccupationsPerCondition) {
    context.problems.push({ field: path, message: `must list at most ${LIMITS.maxOccupationsPerCondition} occupations` });
    return undefined;
  }
  const occupations: string[] = [];
  let valid = true;
  for (let index = 0; index < body.length; index += 1) {
    const occupation: unknown = body[index];
    const problem = keyProblem(occupation, LIMITS.maxKeyLength);
    if (problem === null && typeof occupation === 'string') occupations.push(occupation);
    else {
      context.problems.push({ field: fieldPath(path, index), message: problem ?? 'must be a string' });
      valid = false;
    }
  }
  return valid ? { occupation: occupations } : undefined;
}

function readAnswer(body: unknown, path: string, context: ValidationContext): Condition | undefined {
  if (!isRecord(body)) {
    context.problems.push({ field: path, message: 'must be an object with question and equals' });
    return undefined;
  }
  let valid = refuseUnknownKeys(body, ['question', 'equals'], path, context);
  const question = body['question'];
  const questionProblem = keyProblem(question, LIMITS.maxKeyLength);
  if (questionProblem !== null) {
    context.problems.push({ field: fieldPath(path, 'question'), message: questionProblem });
    valid = false;
  }
  const equals = body['equals'];
  const equalsProblem = answerValueProblem(equals);
  if (equalsProblem !== null) {
    context.problems.push({ field: fieldPath(path, 'equals'), message: equalsProblem });
    valid = false;
  }
  if (!valid || typeof question !== 'string' || !isAnswerValue(equals)) return undefined;
  return { answer: { question, equals } };
}

function isAnswerValue(value: unknown): value is AnswerValue {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function answerValueProblem(value: unknown): string | null {
  if (!isAnswerValue(value)) return 'must be a string, a boolean or a finite number';
  if (typeof value === 'string' && value.length > LIMITS.maxTextLength) return `must be at most ${LIMITS.maxTextLength} characters long`;
  return null;
}
