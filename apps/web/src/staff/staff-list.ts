/**
 * The contract types the staff lists' items but not their envelope; both a bare array and
 * `{ items }` (as `/people` answers) are accepted.
 */
export function readItems<T>(answer: T[] | { items: T[] }): T[] {
  return Array.isArray(answer) ? answer : answer.items;
}
