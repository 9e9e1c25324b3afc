import type { CaughtText } from './caught-text';

type Listener = (text: CaughtText) => void;

/** The last `capacity` caught texts in memory, newest first; older ones fall off. */
export class TextStore {
  private readonly items: CaughtText[] = [];
  private readonly listeners = new Set<Listener>();
  private nextId = 1;

  constructor(private readonly capacity: number) {}

  add(text: Omit<CaughtText, 'id' | 'receivedAt' | 'delivery'>): CaughtText {
    const stored: CaughtText = { id: String(this.nextId++), receivedAt: new Date().toISOString(), delivery: null, ...text };
    this.items.unshift(stored);
    if (this.items.length > this.capacity) this.items.length = this.capacity;
    this.notify(stored);
    return stored;
  }

  /** Notes what was reported about `text` and how the API answered; listeners hear it again. */
  delivered(text: CaughtText, status: string, answer: number): void {
    text.delivery = { status, answer };
    this.notify(text);
  }

  list(): CaughtText[] {
    return [...this.items];
  }

  clear(): void {
    this.items.length = 0;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(text: CaughtText): void {
    for (const listener of this.listeners) listener(text);
  }
}
