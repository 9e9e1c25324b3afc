/** Items that read the same, once each with how many there are: a line repeated five times says "×5" instead. */
export interface RepeatGroup<T> {
  item: T;
  items: T[];
  count: number;
}

/** Groups items with the same key, in the order their first one appears. */
export function groupRepeats<T>(items: readonly T[], keyOf: (item: T) => string): RepeatGroup<T>[] {
  const groups = new Map<string, RepeatGroup<T>>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) {
      group.items.push(item);
      group.count += 1;
    } else groups.set(key, { item, items: [item], count: 1 });
  }
  return [...groups.values()];
}
