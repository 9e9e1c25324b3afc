type Listener<T> = (item: T) => void;

/**
 * The last `capacity` caught items (mails, text messages) in memory, newest first; older ones fall off.
 * Listeners hear every new item and every change told with `changed`.
 */
export class CaughtStore<T extends { id: string }> {
  private readonly items: T[] = [];
  private readonly listeners = new Set<Listener<T>>();
  private nextId = 1;

  /** `missing` starts the error of a wait that found nothing, e.g. "No matching mail arrived". */
  constructor(
    private readonly capacity: number,
    private readonly missing: string,
  ) {}

  /** Stores what `make` builds with the next id. */
  add(make: (id: string) => T): T {
    const stored = make(String(this.nextId++));
    this.items.unshift(stored);
    if (this.items.length > this.capacity) this.items.length = this.capacity;
    this.changed(stored);
    return stored;
  }

  /** Tells the listeners that `item` changed, e.g. a text message's delivery was reported. */
  changed(item: T): void {
    for (const listener of this.listeners) listener(item);
  }

  list(): T[] {
    return [...this.items];
  }

  get(id: string): T | undefined {
    return this.items.find((item) => item.id === id);
  }

  clear(): void {
    this.items.length = 0;
  }

  subscribe(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first item that matches: one caught already, or the next one that comes or changes to match. */
  waitFor(match: (item: T) => boolean, timeoutMs: number): Promise<T> {
    const found = this.items.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`${this.missing} within ${timeoutMs} ms`));
      }, timeoutMs);
      const unsubscribe = this.subscribe((item) => {
        if (!match(item)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(item);
      });
    });
  }
}
