import type { CaughtMessage } from './caught-message';

type Listener = (message: CaughtMessage) => void;

/** The last `capacity` caught mails in memory, newest first; older ones fall off. */
export class MessageStore {
  private readonly items: CaughtMessage[] = [];
  private readonly listeners = new Set<Listener>();
  private nextId = 1;

  constructor(private readonly capacity: number) {}

  add(message: Omit<CaughtMessage, 'id'>): CaughtMessage {
    const stored: CaughtMessage = { id: String(this.nextId++), ...message };
    this.items.unshift(stored);
    if (this.items.length > this.capacity) this.items.length = this.capacity;
    for (const listener of this.listeners) listener(stored);
    return stored;
  }

  list(): CaughtMessage[] {
    return [...this.items];
  }

  get(id: string): CaughtMessage | undefined {
    return this.items.find((message) => message.id === id);
  }

  clear(): void {
    this.items.length = 0;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
