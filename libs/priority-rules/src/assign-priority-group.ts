import { ageOn } from '@vaccinate/dose-schedule';
import type { Condition, PriorityAssignment, PriorityPerson, PriorityRules } from './priority-rules';

/**
 * The person's best group on `onDate`: the lowest rank whose condition matches, whatever the order
 * of the groups in the document; null when none matches. `rules` must have passed
 * `validatePriorityRules` (that bounds the depth of the recursion below).
 *
 * Age is counted in completed years with the same rule as the products' age limits
 * (`ageOn` of @vaccinate/dose-schedule), so a group and a product never disagree about a birthday:
 * someone born on 29 February turns a year older on 1 March in common years, not on 28 February.
 */
export function assignPriorityGroup(rules: PriorityRules, person: PriorityPerson, onDate: string): PriorityAssignment | null {
  requireCalendarDate(person.birthDate, 'birthDate');
  requireCalendarDate(onDate, 'onDate');
  const facts: PersonFacts = {
    age: ageOn(person.birthDate, onDate),
    occupations: new Set(person.occupations),
    answers: person.answers,
  };
  const byRank = [...rules.groups].sort((a, b) => a.rank - b.rank);
  const group = byRank.find((candidate) => matches(candidate.match, facts));
  return group ? { groupId: group.id, rank: group.rank } : null;
}

interface PersonFacts {
  age: number;
  occupations: ReadonlySet<string>;
  answers: Record<string, unknown>;
}

function matches(condition: Condition, facts: PersonFacts): boolean {
  if ('all' in condition) return condition.all.every((part) => matches(part, facts));
  if ('any' in condition) return condition.any.some((part) => matches(part, facts));
  if ('not' in condition) return !matches(condition.not, facts);
  if ('age' in condition) {
    const { min, max } = condition.age;
    return (min === undefined || facts.age >= min) && (max === undefined || facts.age <= max);
  }
  if ('occupation' in condition) return condition.occupation.some((occupation) => facts.occupations.has(occupation));
  if ('answer' in condition) {
    const { question, equals } = condition.answer;
    // Own keys only: a value inherited through the prototype is nothing the person declared.
    return Object.hasOwn(facts.answers, question) && facts.answers[question] === equals;
  }
  return condition.always;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Refuses anything but a real YYYY-MM-DD day, so a typo never silently makes someone 0 or NaN years old. */
function requireCalendarDate(value: string, name: string): void {
  const valid = CALENDAR_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid) throw new RangeError(`${name} must be a calendar date (YYYY-MM-DD), got ${JSON.stringify(value)}`);
}
