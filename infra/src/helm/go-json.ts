/**
 * JSON as Helm's `toJson` prints it (Go's encoding/json): object keys sorted, and `<`, `>`, `&`,
 * U+2028 and U+2029 escaped. Concrete synthesis uses it so cdk8s and real Helm agree byte for byte.
 */
export function goJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
